using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.Drills;

/// <summary>
/// The one place that chooses what an incident's checks and mitigations reach. A real incident gets the configured
/// executors; a drill gets its scenario's simulated ones and nothing else, so no path leads from a drill to a real
/// target, not even when its scenario is missing (then nothing runs).
/// </summary>
public sealed class IncidentExecutors(
    IEnumerable<ICheckExecutor> checks,
    IEnumerable<IMitigationExecutor> mitigations,
    ScenarioCatalog scenarios,
    IEnumerable<ISimulatedTargets> simulations) : ICheckExecutors, IMitigationExecutors
{
    private readonly Dictionary<string, ICheckExecutor> _checks = checks.ToDictionary(e => e.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, IMitigationExecutor> _mitigations = mitigations.ToDictionary(e => e.Kind, StringComparer.Ordinal);
    private readonly ISimulatedTargets? _simulated = simulations.SingleOrDefault();

    ICheckExecutor? ICheckExecutors.For(Incident incident, string kind) =>
        incident.Drill is { } drill
            ? Scenario(drill) is { } scenario ? _simulated?.Check(incident, scenario, kind) : null
            : _checks.GetValueOrDefault(kind);

    IMitigationExecutor? IMitigationExecutors.For(Incident incident, string kind) =>
        incident.Drill is { } drill
            ? Scenario(drill) is { } scenario ? _simulated?.Mitigation(incident, scenario, kind) : null
            : _mitigations.GetValueOrDefault(kind);

    private Scenario? Scenario(string id) => scenarios.Find(id);
}
