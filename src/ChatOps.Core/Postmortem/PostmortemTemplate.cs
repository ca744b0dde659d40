using Scriban;

namespace ChatOps.Core.Postmortem;

/// <summary>A parsed postmortem template; parsing happens once, at start, so a broken template stops the host.</summary>
public sealed class PostmortemTemplate
{
    private PostmortemTemplate(Template template, string path) => (Template, Path) = (template, path);

    internal Template Template { get; }

    public string Path { get; }

    public static PostmortemTemplate Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The postmortem template {path} does not exist (Postmortem:TemplatePath).");
        return Parse(File.ReadAllText(path), path);
    }

    public static PostmortemTemplate Parse(string text, string path)
    {
        var template = Template.Parse(text, path);
        if (template.HasErrors)
            throw new InvalidOperationException($"The postmortem template {path} does not parse: {string.Join("; ", template.Messages)}");
        return new PostmortemTemplate(template, path);
    }
}
