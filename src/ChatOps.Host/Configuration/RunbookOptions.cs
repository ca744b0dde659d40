namespace ChatOps.Host.Configuration;

/// <summary>Configuration section <c>Runbooks</c>.</summary>
public sealed class RunbookOptions
{
    public const string SectionName = "Runbooks";

    /// <summary>The folder of <c>*.yaml</c> runbooks; relative paths are under the content root.</summary>
    public string Folder { get; set; } = "runbooks";

    /// <summary>
    /// <c>Values:&lt;runbook&gt;:&lt;name&gt;</c>: this deployment's numbers for the values runbooks declare. Kept as text,
    /// so that a value that is not a number is refused with its setting named rather than by the binder.
    /// </summary>
    public Dictionary<string, Dictionary<string, string?>> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
}
