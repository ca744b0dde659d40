namespace ChatOps.Host.Configuration;

/// <summary>Configuration section <c>Scenarios</c>.</summary>
public sealed class ScenarioOptions
{
    public const string SectionName = "Scenarios";

    /// <summary>The folder of <c>*.yaml</c> drill scenarios; relative paths are under the content root, else beside the binaries.</summary>
    public string Folder { get; set; } = "scenarios";
}
