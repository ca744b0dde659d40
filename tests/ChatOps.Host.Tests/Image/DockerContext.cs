using Microsoft.Extensions.FileSystemGlobbing;

namespace ChatOps.Host.Tests.Image;

/// <summary>
/// The build context the repository sends to the builder: its files less what <c>.dockerignore</c> excludes. A pattern
/// excludes the paths it matches and everything under them (https://docs.docker.com/build/concepts/context/#dockerignore-files).
/// </summary>
internal sealed class DockerContext
{
    private readonly Matcher _ignored = new(StringComparison.Ordinal);

    public DockerContext(string root)
    {
        Root = root;
        Patterns = File.ReadAllLines(Path.Combine(root, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Trim('/'))
            .ToList();
        foreach (var pattern in Patterns)
        {
            if (pattern.StartsWith('!'))
                throw new NotSupportedException($".dockerignore: exceptions ({pattern}) are not read by this test; teach it.");
            _ignored.AddInclude(pattern);
            _ignored.AddInclude(pattern + "/**");
        }
    }

    public string Root { get; }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsIgnored(string relativePath) => _ignored.Match(relativePath.Replace('\\', '/')).HasMatches;

    /// <summary>The files of the context under <paramref name="relativePath"/> (a file or a folder), relative to the context.</summary>
    public IEnumerable<string> Files(string relativePath)
    {
        var full = Path.Combine(Root, relativePath);
        IEnumerable<string> files = File.Exists(full) ? [full] : Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories);
        return files.Select(f => Path.GetRelativePath(Root, f)).Where(f => !IsIgnored(f));
    }
}
