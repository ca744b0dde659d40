using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Runs an approved request at most once: only the caller that moves it from approved to executing acts. A revert
/// first takes its original from executed to reverted, so two reverts of one change cannot both run, and refuses
/// when the target has moved on since the change it undoes. Store transitions come first; chat is told after, and
/// a chat failure never leaves a request half recorded.
/// </summary>
public sealed partial class MitigationExecution(
    IMitigationExecutors executors,
    IMitigationStore store,
    RequestUpdater updater,
    RunbookCatalog catalog,
    MitigationRecords records,
    TimeProvider time,
    ILogger<MitigationExecution> logger)
{
    /// <summary>The executor of <paramref name="action"/> that <paramref name="incident"/> may use (a drill's are simulated).</summary>
    public IMitigationExecutor? For(Incident incident, MitigationAction action) => executors.For(incident, action.Kind);

    public async Task RunAsync(Incident incident, MitigationRequest approved, Actor actor, CancellationToken cancellationToken)
    {
        var (claimed, refusal) = await updater.ApplyAsync(approved.Id, r => RequestTransitions.Claim(r, time.GetUtcNow()), r => [records.Audit(r, actor, "execute", "started")], cancellationToken);
        if (refusal is not null) return; // Another click, or another replica, is running it.

        // From here the platform may be changing: a shutdown must not leave the outcome unrecorded.
        var run = await ChangeAsync(incident, claimed, actor, CancellationToken.None);
        if (run.Outcome is not { } outcome)
        {
            var (failed, late) = await updater.ApplyAsync(claimed.Id, r => RequestTransitions.Fail(r, run.Error!), r => [records.Audit(r, actor, "execute", "failed: " + run.Error)], CancellationToken.None);
            if (late is not null)
            {
                await FinishedLateAsync(incident, failed, actor, $"failed: {run.Error}", CancellationToken.None);
                return;
            }
            await records.TimelineAsync(incident, actor, TimelineKind.MitigationFailed, $"{failed.Name} {failed.Title} failed: {run.Error}", failed, CancellationToken.None);
            await records.ShowAsync(incident, failed, CancellationToken.None);
            await records.PostAsync(incident, ChatMessage.Plain(run.ChangedNothing
                ? $"{failed.Name} failed and changed nothing: {run.Error}. Request it again to retry."
                : $"{failed.Name} failed partway: {run.Error}. Part of the change may have landed; check the current state before you request it again."), CancellationToken.None);
            return;
        }

        var (done, refused) = await updater.ApplyAsync(claimed.Id, r => RequestTransitions.Complete(r, outcome), r => [records.Audit(r, actor, "execute", "executed")], CancellationToken.None);
        if (refused is not null)
        {
            await FinishedLateAsync(incident, done, actor, $"executed: {outcome.Before.Description} → {outcome.After.Description}", CancellationToken.None);
            return;
        }
        await records.TimelineAsync(incident, actor, TimelineKind.MitigationExecuted,
            $"{done.Name} {done.Title} executed: {outcome.Before.Description} → {outcome.After.Description}", done, CancellationToken.None);
        await records.ShowAsync(incident, done, CancellationToken.None);
        if (run.Original is { } reverted)
        {
            await records.TimelineAsync(incident, actor, TimelineKind.MitigationReverted,
                $"{reverted.Name} {reverted.Title} reverted by {done.Name}: back to {outcome.After.Description}", reverted, CancellationToken.None);
            await records.ShowAsync(incident, reverted, CancellationToken.None);
        }
    }

    private async Task<Run> ChangeAsync(Incident incident, MitigationRequest claimed, Actor actor, CancellationToken cancellationToken)
    {
        var action = catalog.Find(claimed.Runbook)?.FindMitigation(claimed.Mitigation)?.Action;
        if (action is null) return Run.Failed($"runbook {claimed.Runbook} no longer has mitigation {claimed.Mitigation}");
        if (For(incident, action) is not { } executor) return Run.Failed($"no executor for '{action.Kind}' mitigations is configured");

        MitigationRequest? original = null;
        if (claimed.RevertOf is { } of)
        {
            var (reserved, why) = await ReserveOriginalAsync(claimed, of, action, executor, actor, cancellationToken);
            if (why is not null) return Run.Failed(why);
            original = reserved;
        }

        try
        {
            var outcome = original is null
                ? await executor.ApplyAsync(action, claimed.Subject, cancellationToken)
                : await executor.RevertAsync(action, claimed.Subject, original.Before!, cancellationToken);
            return new Run(outcome, null, true, original);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is not MitigationFailedException) LogExecutorFault(e, claimed.Name);
            if (original is not null)
                await updater.ApplyAsync(original.Id, RequestTransitions.Unrevert, r => [records.Audit(r, actor, "revert", $"released: {claimed.Name} failed")], cancellationToken);
            // Only an executor's own failure vouches that nothing changed; anything else may have stopped halfway.
            return e is MitigationFailedException ? Run.Failed(e.Message) : new Run(null, $"{e.GetType().Name}: {e.Message}", false, null);
        }
    }

    private async Task<(MitigationRequest? Original, string? Why)> ReserveOriginalAsync(
        MitigationRequest revert, long of, MitigationAction action, IMitigationExecutor executor, Actor actor, CancellationToken cancellationToken)
    {
        var original = await store.FindAsync(of, cancellationToken);
        if (original?.Before is null || original.After is null) return (null, $"MIT-{of}, which this reverts, has no recorded state");
        MitigationPreview live;
        bool unchanged;
        try
        {
            live = await executor.PreviewAsync(action, revert.Subject, cancellationToken);
            unchanged = executor.IsUnchanged(original.After, live.Current);
        }
        catch (MitigationFailedException e)
        {
            return (null, $"cannot read the current state: {e.Message}");
        }
        // A revert puts back the state before the change; if the target has moved on since, that would undo later work too.
        // The executor judges it: descriptions such as "blocked for another 23h59m" change by themselves.
        if (!unchanged)
            return (null, $"the target changed since {original.Name} ran: it left {original.After.Description}, it is now {live.Current.Description}");
        var (reserved, refusal) = await updater.ApplyAsync(original.Id, RequestTransitions.Reverted, r => [records.Audit(r, actor, "revert", $"reverting by {revert.Name}")], cancellationToken);
        return refusal is null ? (reserved, null) : (null, refusal);
    }

    /// <summary>
    /// The execution outlived its lease and was reconciled meanwhile from the state it had reached then; what it did
    /// after that is not on the record, so it is audited and said in the thread rather than lost.
    /// </summary>
    private async Task FinishedLateAsync(Incident incident, MitigationRequest recorded, Actor actor, string outcome, CancellationToken cancellationToken)
    {
        LogFinishedLate(recorded.Name, RequestTransitions.Name(recorded.Status), outcome);
        await store.AppendAuditAsync([records.Audit(recorded, actor, "execute", "finished late: " + outcome)], cancellationToken);
        await records.PostAsync(incident, ChatMessage.Plain(
            $"{recorded.Name} finished after its lease ran out, when it was already recorded as {RequestTransitions.Name(recorded.Status)}: it {outcome}. Check the current state."),
            cancellationToken);
    }

    private sealed record Run(MitigationOutcome? Outcome, string? Error, bool ChangedNothing, MitigationRequest? Original)
    {
        public static Run Failed(string error) => new(null, error, true, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mitigation {Request} finished after it was reconciled as {Status}: it {Outcome}")]
    private partial void LogFinishedLate(string request, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mitigation {Request} failed inside its executor")]
    private partial void LogExecutorFault(Exception exception, string request);
}
