using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Timeline;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Runs an approved request at most once: only the caller that moves it from approved to executing acts, and the
/// outcome (or the failure, with nothing changed) is recorded before and after.
/// </summary>
public sealed partial class MitigationExecution(
    IEnumerable<IMitigationExecutor> executors,
    IMitigationStore store,
    RequestUpdater updater,
    RunbookCatalog catalog,
    MitigationRecords records,
    ILogger<MitigationExecution> logger)
{
    private readonly Dictionary<string, IMitigationExecutor> _executors = executors.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public IMitigationExecutor? For(MitigationAction action) => _executors.GetValueOrDefault(action.Kind);

    public async Task RunAsync(Incident incident, MitigationRequest approved, Actor actor, CancellationToken cancellationToken)
    {
        var (claimed, refusal) = await updater.ApplyAsync(approved.Id, RequestTransitions.Claim, r => [records.Audit(r, actor, "execute", "started")], cancellationToken);
        if (refusal is not null) return; // Another click, or another replica, is running it.

        var action = catalog.Find(claimed.Runbook)?.FindMitigation(claimed.Mitigation)?.Action;
        MitigationRequest? original = claimed.RevertOf is { } of ? await store.FindAsync(of, cancellationToken) : null;
        MitigationOutcome? outcome = null;
        string? error;
        try
        {
            var executor = action is null ? null : For(action);
            error = action is null ? $"runbook {claimed.Runbook} no longer has mitigation {claimed.Mitigation}"
                : executor is null ? $"no executor for '{action.Kind}' mitigations is configured"
                : null;
            if (executor is not null)
            {
                outcome = original is null
                    ? await executor.ApplyAsync(action!, claimed.Subject, cancellationToken)
                    : await executor.RevertAsync(action!, claimed.Subject, original.Before!, cancellationToken);
            }
        }
        catch (MitigationFailedException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogExecutorFault(e, claimed.Name);
            error = $"{e.GetType().Name}: {e.Message}";
        }

        if (outcome is null)
        {
            var (failed, _) = await updater.ApplyAsync(claimed.Id, r => RequestTransitions.Fail(r, error!), r => [records.Audit(r, actor, "execute", "failed: " + error)], cancellationToken);
            await records.TimelineAsync(incident, actor, TimelineKind.MitigationFailed, $"{failed.Name} {failed.Title} failed: {error}", failed, cancellationToken);
            await records.ShowAsync(incident, failed, cancellationToken);
            await records.PostAsync(incident, ChatMessage.Plain($"{failed.Name} failed and changed nothing: {error}. Request it again to retry."), cancellationToken);
            return;
        }

        var (done, _) = await updater.ApplyAsync(claimed.Id, r => RequestTransitions.Complete(r, outcome), r => [records.Audit(r, actor, "execute", "executed")], cancellationToken);
        await records.TimelineAsync(incident, actor, TimelineKind.MitigationExecuted,
            $"{done.Name} {done.Title} executed: {outcome.Before.Description} → {outcome.After.Description}", done, cancellationToken);
        await records.ShowAsync(incident, done, cancellationToken);
        if (original is not null)
        {
            var (reverted, _) = await updater.ApplyAsync(original.Id, RequestTransitions.Reverted, r => [records.Audit(r, actor, "revert", $"reverted by {done.Name}")], cancellationToken);
            await records.TimelineAsync(incident, actor, TimelineKind.MitigationReverted,
                $"{reverted.Name} {reverted.Title} reverted by {done.Name}: back to {outcome.After.Description}", reverted, cancellationToken);
            await records.ShowAsync(incident, reverted, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mitigation {Request} failed inside its executor")]
    private partial void LogExecutorFault(Exception exception, string request);
}
