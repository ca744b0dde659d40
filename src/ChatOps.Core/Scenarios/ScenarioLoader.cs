using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Scenarios;

/// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> scenario of a folder against the loaded runbooks, collecting all errors of all files.</summary>
public static class ScenarioLoader
{
    /// <param name="skipUnplayable">
    /// Leave out, rather than refuse, a scenario whose runbook is not loaded: a deployment with runbooks of its own still
    /// starts beside the shipped scenarios. Its other errors are errors all the same.
    /// </param>
    public static ScenarioLoadResult LoadFolder(string folder, RunbookCatalog runbooks, bool skipUnplayable = false)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        if (!Directory.Exists(folder))
            return new ScenarioLoadResult([], [new RunbookError(folder, 0, "the scenario folder does not exist.")]);
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var scenarios = new List<Scenario>();
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
            var (scenario, fileErrors) = ScenarioParser.Parse(text, name, runbooks, out var missingRunbook);
            if (skipUnplayable && missingRunbook is not null) continue;
            errors.AddRange(fileErrors);
            if (scenario is null) continue;
            if (firstFile.TryGetValue(scenario.Id, out var other))
            {
                errors.Add(new RunbookError(name, 1, $"scenario id '{scenario.Id}' is already used by {other}; scenario ids must be unique."));
                continue;
            }
            firstFile[scenario.Id] = name;
            scenarios.Add(scenario);
        }
        return new ScenarioLoadResult(scenarios, errors);
    }

    /// <summary>Parses one scenario from text, as if it were the file <paramref name="fileName"/>.</summary>
    public static ScenarioLoadResult LoadText(string yaml, string fileName, RunbookCatalog runbooks)
    {
        var (scenario, errors) = ScenarioParser.Parse(yaml, fileName, runbooks, out _);
        return new ScenarioLoadResult(scenario is null ? [] : [scenario], errors);
    }
}

public sealed record ScenarioLoadResult(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<RunbookError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
