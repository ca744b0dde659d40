using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Settles executions whose process died between claiming a request and recording what it did. A request executing
/// longer than the lease is judged from the target's live state: as planned, executed; as before, failed with nothing
/// changed; anything else, failed with part of the change perhaps landed. The record is written from the version that
/// was judged, so however many replicas sweep, one records it. A target that cannot be read is left for the next
/// sweep: the record never guesses.
/// </summary>
public sealed partial class MitigationReconciler(
    IMitigationStore requests,
    IIncidentStore incidents,
    RequestUpdater updater,
    RunbookCatalog catalog,
    MitigationExecution execution,
    MitigationRecords records,
    IOptions<ApprovalOptions> options,
    TimeProvider time,
    ILogger<MitigationReconciler> logger)
{
    /// <summary>Reconciles every execution older than the lease; returns how many this call recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var stale = await requests.ListExecutingAsync(time.GetUtcNow() - options.Value.ExecutionLease, cancellationToken);
        var reconciled = 0;
        foreach (var request in stale)
        {
            if (await ReconcileAsync(request, cancellationToken)) reconciled++;
        }
        return reconciled;
    }

    /// <summary>Judges and records one stale execution, as read; false when it cannot be judged now or another writer moved it first.</summary>
    public async Task<bool> ReconcileAsync(MitigationRequest stale, CancellationToken cancellationToken)
    {
        var action = catalog.Find(stale.Runbook)?.FindMitigation(stale.Mitigation)?.Action;
        // The incident says which executors its mitigations may reach (a drill's are simulated).
        var incident = await incidents.FindAsync(stale.Incident, cancellationToken);
        if (action is null || incident is null || execution.For(incident, action) is not { } executor)
        {
            LogCannotJudge(stale.Name, "its incident, its runbook's mitigation or its executor is not found here");
            return false;
        }
        var original = stale.RevertOf is { } of ? await requests.FindAsync(of, cancellationToken) : null;
        // A revert goes from the state its original left back to the state before it.
        var (before, planned) = stale.IsRevert ? (original?.After, original?.Before) : (stale.CurrentState, null);
        if (stale.IsRevert && (before is null || planned is null))
        {
            LogCannotJudge(stale.Name, "the change it reverts has no recorded state");
            return false;
        }

        MitigationState live;
        try
        {
            live = (await executor.PreviewAsync(action, stale.Subject, cancellationToken)).Current;
        }
        // An executor's fault, named or not, must not stop the sweep of the other requests; the next sweep tries again.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(e, stale.Name);
            return false;
        }

        var judged = Interruption.Judge(stale, executor, before, planned, live);
        var (recorded, refusal) = await updater.ApplyAsync(stale.Id,
            r => RequestTransitions.Unmoved(r, stale.Version, judged.Settle),
            r => [records.Audit(r, Actor.System, "reconcile", judged.Audit)], cancellationToken);
        if (refusal is not null) return false;
        LogReconciled(recorded.Name, judged.Audit);

        var reverted = original is null ? null : await SettleOriginalAsync(recorded, original, judged.Landed, cancellationToken);
        await records.TimelineAsync(incident, Actor.System, judged.Landed ? TimelineKind.MitigationExecuted : TimelineKind.MitigationFailed,
            judged.Timeline(recorded), recorded, cancellationToken);
        await records.ShowAsync(incident, recorded, cancellationToken);
        if (reverted is not null)
        {
            if (judged.Landed)
            {
                await records.TimelineAsync(incident, Actor.System, TimelineKind.MitigationReverted,
                    $"{reverted.Name} {reverted.Title} reverted by {recorded.Name}: back to {live.Description}", reverted, cancellationToken);
            }
            await records.ShowAsync(incident, reverted, cancellationToken);
        }
        await records.PostAsync(incident, ChatMessage.Plain(judged.Thread(recorded)), cancellationToken);
        return true;
    }

    /// <summary>
    /// A revert reserves its original (executed → reverted) before it acts. Landed, the original ends reverted; not
    /// landed, a reservation this revert made is given back, as a failed revert does.
    /// </summary>
    private async Task<MitigationRequest?> SettleOriginalAsync(MitigationRequest revert, MitigationRequest original, bool landed, CancellationToken cancellationToken)
    {
        if (landed)
        {
            var (reverted, refusal) = await updater.ApplyAsync(original.Id,
                r => r.Status == RequestStatus.Reverted ? Transition.Refuse($"{r.Name} is reverted already.") : RequestTransitions.Reverted(r),
                r => [records.Audit(r, Actor.System, "revert", $"reverted by {revert.Name} (reconciled)")], cancellationToken);
            return refusal is null || reverted.Status == RequestStatus.Reverted ? reverted : null;
        }
        // Another revert that ran whole owns the original's reverted state; only this one's reservation is released.
        var others = await requests.ListAsync(original.Incident, cancellationToken);
        if (others.Any(r => r.RevertOf == original.Id && r.Id != revert.Id && r.Status == RequestStatus.Executed)) return null;
        var (released, why) = await updater.ApplyAsync(original.Id, RequestTransitions.Unrevert,
            r => [records.Audit(r, Actor.System, "revert", $"released: {revert.Name} was interrupted")], cancellationToken);
        return why is null ? released : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mitigation {Request} was left executing past its lease; reconciled: {Outcome}")]
    private partial void LogReconciled(string request, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mitigation {Request} is left executing past its lease and its target cannot be read; trying again on the next sweep")]
    private partial void LogUnreadable(Exception exception, string request);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mitigation {Request} is left executing past its lease and cannot be judged: {Why}")]
    private partial void LogCannotJudge(string request, string why);
}
