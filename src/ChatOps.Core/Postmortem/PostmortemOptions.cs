namespace ChatOps.Core.Postmortem;

/// <summary>Configuration section <c>Postmortem</c>.</summary>
public sealed class PostmortemOptions
{
    public const string SectionName = "Postmortem";

    /// <summary>The Scriban template; relative paths are under the host's content root.</summary>
    public string TemplatePath { get; set; } = "templates/postmortem.md.sbn";
}
