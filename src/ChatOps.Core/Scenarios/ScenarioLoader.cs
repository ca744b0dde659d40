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
        var (scenarios, errors, _) = YamlFiles.LoadFolder<Scenario>(folder, "scenario", (text, name) =>
        {
            var (scenario, fileErrors) = ScenarioParser.Parse(text, name, runbooks, out var missingRunbook);
            return skipUnplayable && missingRunbook is not null ? (null, []) : (scenario, fileErrors);
        }, s => s.Id);
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
