using ChatOps.Core.Scenarios;
using ChatOps.LocalWorkspace;

namespace ChatOps.Host.Configuration;

/// <summary>The workspace's "Start a drill" offers the scenarios the host loaded, by the id <c>drill</c> takes and their title.</summary>
internal sealed class LocalWorkspaceDrills(ScenarioCatalog scenarios) : IDrillScenarios
{
    public IReadOnlyList<DrillScenario> All { get; } = [.. scenarios.All.Select(s => new DrillScenario(s.Id, s.Title))];
}
