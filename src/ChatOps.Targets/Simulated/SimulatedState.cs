using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Targets.Simulated;

/// <summary>
/// A drill's simulated platform as it is now: the scenario's state, changed by each mitigation the drill executed, in
/// the order they ran. It is read from the recorded requests every time, so every replica, a restarted one too, sees
/// the same state, and nothing but the record holds it.
/// </summary>
internal sealed class SimulatedState(IMitigationStore requests, RunbookCatalog catalog)
{
    /// <summary>The state of what <paramref name="key"/> names: the last recorded change of it, else <paramref name="initial"/>.</summary>
    public async Task<MitigationState> CurrentAsync(Incident drill, string key, Func<MitigationState> initial, CancellationToken cancellationToken)
    {
        var changes = (await requests.ListAsync(drill.Id, cancellationToken))
            .Where(r => r.After is not null && r.Status is RequestStatus.Executed or RequestStatus.Reverted)
            .OrderBy(r => r.ClaimedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Id);
        var last = changes.LastOrDefault(r => catalog.Find(r.Runbook)?.FindMitigation(r.Mitigation)?.Action is { } action && KeyOf(action, r.Subject) == key);
        return last?.After ?? initial();
    }

    /// <summary>What an action acts on: a deployment's replicas or template, a flag, a subject's block.</summary>
    public static string KeyOf(MitigationAction action, string? subject) => action switch
    {
        ScaleAction scale => $"replicas of {scale.Deployment}",
        RollbackAction rollback => $"template of {rollback.Deployment}",
        SetFlagAction flag => $"flag {flag.Flag}",
        BlockAction => $"block of {subject}",
        _ => action.Kind,
    };

    public static DeploymentState Deployment(Scenario scenario, string name) =>
        scenario.State.Deployments.GetValueOrDefault(name)
            ?? throw new MitigationFailedException($"deployment {name} is not in drill scenario '{scenario.Id}'");
}
