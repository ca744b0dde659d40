using ChatOps.Core.Checks;
using ChatOps.Core.Drills;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Targets.Simulated;

/// <summary>Every target kind, simulated from a drill's scenario: a check executor per check kind, a mitigation executor per action kind.</summary>
internal sealed class SimulatedTargets(IMitigationStore requests, RunbookCatalog catalog, TimeProvider time) : ISimulatedTargets
{
    /// <summary>The check kinds the simulation answers: every kind the real executors serve.</summary>
    public static IReadOnlyList<string> CheckKinds { get; } = ["prometheus", "http", "redis", "postgres", "kubernetes-logs"];

    private readonly SimulatedState _state = new(requests, catalog);

    public ICheckExecutor? Check(Incident drill, Scenario scenario, string kind) =>
        CheckKinds.Contains(kind) && catalog.Find(scenario.Runbook) is { } runbook ? new SimulatedCheckExecutor(kind, scenario, runbook, time) : null;

    public IMitigationExecutor? Mitigation(Incident drill, Scenario scenario, string kind) => kind switch
    {
        "scale" => new SimulatedScale(drill, scenario, _state),
        "set-flag" => new SimulatedFlag(drill, scenario, _state),
        "block" => new SimulatedBlock(drill, scenario, _state),
        "rollback" => new SimulatedRollback(drill, scenario, _state),
        _ => null,
    };
}
