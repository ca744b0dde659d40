namespace ChatOps.Host.Configuration;

/// <summary>Configuration section <c>Runbooks</c>.</summary>
public sealed class RunbookOptions
{
    public const string SectionName = "Runbooks";

    /// <summary>The folder of <c>*.yaml</c> runbooks; relative paths are under the content root.</summary>
    public string Folder { get; set; } = "runbooks";
}
