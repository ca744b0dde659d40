using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// How mitigation requests ended, by outcome and runbook: executed, failed, denied, expired, and reverted (a revert
/// request that ran). Counted from the stored transition, so a request is counted once however many replicas raced.
/// </summary>
public sealed class MitigationMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _outcomes = ChatOpsTelemetry.Meter(meters).CreateCounter<long>(
        "chatops.mitigation.outcomes", "{request}",
        "Mitigation requests that reached an outcome, by outcome (executed, failed, denied, expired, reverted) and runbook");

    /// <summary>Counts <paramref name="to"/>'s outcome when the stored transition from <paramref name="from"/> reached one.</summary>
    public void Moved(MitigationRequest from, MitigationRequest to)
    {
        if (from.Status == to.Status || OutcomeOf(from, to) is not { } outcome) return;
        _outcomes.Add(1, new TagList { { "outcome", outcome }, { "runbook", to.Runbook } });
    }

    // Executed after executing: a revert that gives its original back (reverted → executed) is no outcome.
    private static string? OutcomeOf(MitigationRequest from, MitigationRequest to) => to.Status switch
    {
        RequestStatus.Executed when from.Status == RequestStatus.Executing => to.IsRevert ? "reverted" : "executed",
        RequestStatus.Failed => "failed",
        RequestStatus.Denied => "denied",
        RequestStatus.Expired => "expired",
        _ => null,
    };
}
