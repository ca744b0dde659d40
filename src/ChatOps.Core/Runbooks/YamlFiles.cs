using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>
/// The one way a folder of YAML files (runbooks, scenarios) is read: every <c>*.yaml</c>/<c>*.yml</c> file in name order,
/// every error of every file collected with its file and line, ids unique across the folder.
/// </summary>
internal static class YamlFiles
{
    /// <param name="what">What the files hold, as errors name it ("runbook", "scenario").</param>
    /// <param name="parse">Reads one file (its text and name); null with no errors leaves the file out.</param>
    /// <returns>What loaded, every error, and whether the folder holds any file at all.</returns>
    public static (List<T> Loaded, List<RunbookError> Errors, bool Empty) LoadFolder<T>(
        string folder, string what, Func<string, string, (T? Item, IReadOnlyList<RunbookError> Errors)> parse, Func<T, string> id)
        where T : class
    {
        var loaded = new List<T>();
        var errors = new List<RunbookError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new RunbookError(folder, 0, $"the {what} folder does not exist."));
            return (loaded, errors, false);
        }
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var firstFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException e)
            {
                errors.Add(new RunbookError(name, 0, $"cannot be read: {e.Message}"));
                continue;
            }
            var (item, fileErrors) = parse(text, name);
            errors.AddRange(fileErrors);
            if (item is null) continue;
            if (firstFile.TryGetValue(id(item), out var other))
            {
                errors.Add(new RunbookError(name, 1, $"{what} id '{id(item)}' is already used by {other}; {what} ids must be unique."));
                continue;
            }
            firstFile[id(item)] = name;
            loaded.Add(item);
        }
        return (loaded, errors, files.Count == 0);
    }

    /// <summary>The one mapping a file holds; null, with the error added, when it is not valid YAML or holds anything else.</summary>
    /// <param name="shape">What the file must hold, said when it holds something else.</param>
    public static YamlMappingNode? Root(string yaml, RunbookErrorSink errors, string shape)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            errors.Add((int)e.Start.Line, $"not valid YAML: {e.Message}");
            return null;
        }
        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
        errors.Add(1, shape);
        return null;
    }
}
