namespace ChatOps.Core.Scenarios;

/// <summary>Yes and no as a scenario writes them (YAML's yes/no and true/false alike).</summary>
internal static class Answers
{
    public static bool TryRead(string? text, out bool yes)
    {
        yes = text?.ToLowerInvariant() is "yes" or "true";
        return text?.ToLowerInvariant() is "yes" or "no" or "true" or "false";
    }

    public static string Write(bool yes) => yes ? "yes" : "no";
}
