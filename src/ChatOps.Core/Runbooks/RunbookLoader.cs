using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> runbook of a folder, collecting all errors of all files.</summary>
public static class RunbookLoader
{
    public static RunbookLoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return new RunbookLoadResult([], [new RunbookError(folder, 0, "the runbook folder does not exist.")]);

        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var runbooks = new List<Runbook>();
        var errors = new List<RunbookError>();
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
            var (runbook, fileErrors) = RunbookParser.Parse(text, name);
            errors.AddRange(fileErrors);
            if (runbook is null) continue;
            if (firstFile.TryGetValue(runbook.Id, out var other))
            {
                errors.Add(new RunbookError(name, 1, $"runbook id '{runbook.Id}' is already used by {other}; runbook ids must be unique."));
                continue;
            }
            firstFile[runbook.Id] = name;
            runbooks.Add(runbook);
        }
        if (files.Count == 0) errors.Add(new RunbookError(folder, 0, "holds no runbook (*.yaml)."));
        return new RunbookLoadResult(runbooks, errors);
    }

    /// <summary>Parses one runbook from text, as if it were the file <paramref name="fileName"/>.</summary>
    public static RunbookLoadResult LoadText(string yaml, string fileName)
    {
        var (runbook, errors) = RunbookParser.Parse(yaml, fileName);
        return new RunbookLoadResult(runbook is null ? [] : [runbook], errors);
    }
}

public sealed record RunbookLoadResult(IReadOnlyList<Runbook> Runbooks, IReadOnlyList<RunbookError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
