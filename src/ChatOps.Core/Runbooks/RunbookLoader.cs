using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> runbook of a folder, collecting all errors of all files.</summary>
public static class RunbookLoader
{
    /// <param name="values">The deployment's values (<c>Runbooks:Values</c>); a setting no runbook can use is an error.</param>
    public static RunbookLoadResult LoadFolder(string folder, RunbookValues? values = null)
    {
        values ??= RunbookValues.None;
        var (runbooks, errors, empty) = YamlFiles.LoadFolder<Runbook>(
            folder, "runbook", (text, name) => RunbookParser.Parse(text, name, values.For), r => r.Id);
        if (empty) errors.Add(new RunbookError(folder, 0, "holds no runbook (*.yaml)."));
        // A runbook that did not load cannot be matched; its own errors say why.
        if (errors.Count == 0) errors.AddRange(values.Problems(runbooks));
        return new RunbookLoadResult(runbooks, errors);
    }

    /// <summary>Parses one runbook from text, as if it were the file <paramref name="fileName"/>.</summary>
    public static RunbookLoadResult LoadText(string yaml, string fileName, RunbookValues? values = null)
    {
        values ??= RunbookValues.None;
        var (runbook, errors) = RunbookParser.Parse(yaml, fileName, values.For);
        IReadOnlyList<Runbook> runbooks = runbook is null ? [] : [runbook];
        return new RunbookLoadResult(runbooks, errors.Count == 0 ? [.. values.Problems(runbooks)] : errors);
    }
}

public sealed record RunbookLoadResult(IReadOnlyList<Runbook> Runbooks, IReadOnlyList<RunbookError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
