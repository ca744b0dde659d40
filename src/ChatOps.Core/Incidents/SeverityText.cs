using System.Globalization;

namespace ChatOps.Core.Incidents;

public static class SeverityText
{
    public static string Label(this Severity severity) =>
        string.Create(CultureInfo.InvariantCulture, $"SEV{(int)severity}");

    /// <summary>Accepts <c>1</c>, <c>sev1</c>, <c>SEV1</c>.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        if (string.IsNullOrEmpty(text)) return false;
        var digits = text.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (digits.Length != 1 || digits[0] is < '1' or > '4') return false;
        severity = (Severity)(digits[0] - '0');
        return true;
    }
}
