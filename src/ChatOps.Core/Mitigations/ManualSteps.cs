using System.Globalization;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// A runbook's manual mitigation (<c>kind: manual</c>): the bot changes nothing, so a request needs no approval. It is
/// posted in the thread with a Mark done button; the person who did the work marks it done, once, and the timeline (and
/// so the postmortem's resolution) records who and when.
/// </summary>
public sealed class ManualSteps(IMitigationStore requests, RequestUpdater updater, MitigationRecords records, IncidentClock clock)
{
    /// <summary>Opens the step in the thread; or says which open request already asks for it.</summary>
    public async Task<string?> OpenAsync(Incident incident, Runbook runbook, MitigationDefinition mitigation, ManualAction action, Actor actor, CancellationToken cancellationToken)
    {
        var open = (await requests.ListAsync(incident.Id, cancellationToken))
            .FirstOrDefault(r => r.Status == RequestStatus.Open && r.Runbook == runbook.Id && r.Mitigation == mitigation.Id);
        if (open is not null) return $"{open.Name} asks for it already; say done {open.Name} once it is done.";

        var now = clock.Now;
        await records.OpenAsync(incident, actor, new MitigationRequest
        {
            Incident = incident.Id,
            Runbook = runbook.Id,
            Mitigation = mitigation.Id,
            Title = mitigation.Title,
            Why = mitigation.When,
            RequestedBy = actor.Id,
            RequestedAt = now,
            // Nothing waits for approval, so nothing expires.
            ExpiresAt = now,
            RequiredApprovals = 0,
            Current = "not done",
            Planned = action.Steps,
            Status = RequestStatus.Open,
            Version = 1,
        }, "request", cancellationToken);
        return null;
    }

    /// <summary>Marks the step done by <paramref name="actor"/> now; or says why not (already done, not a manual step).</summary>
    public async Task<string?> DoneAsync(Incident incident, MitigationRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var done = new MitigationState($"{Mention.Of(actor)} at {clock.Short(now)}", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["by"] = actor.Id.ToString(),
            ["at"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
        var (marked, refusal) = await updater.ApplyAsync(request.Id, r => RequestTransitions.Done(r, done), r => [records.Audit(r, actor, "done", "done")], cancellationToken);
        if (refusal is not null) return refusal;
        await records.TimelineAsync(incident, actor, TimelineKind.MitigationDone, $"{marked.Name} {marked.Title} done by {Mention.Of(actor)}", marked, cancellationToken);
        await records.ShowAsync(incident, marked, cancellationToken);
        return null;
    }
}
