using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Closes requests whose time ran out, so that their messages stop offering Approve; a click on an expired request
/// is refused anyway, this only keeps the thread honest.
/// </summary>
public sealed class MitigationExpiry(IMitigationStore requests, IIncidentStore incidents, RequestUpdater updater, MitigationRecords records, TimeProvider time)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var due in (await requests.ListPendingAsync(cancellationToken)).Where(r => r.ExpiresAt <= now))
        {
            // The store transition decides; timeline and card follow (the card is best effort inside ShowAsync).
            var (request, refusal) = await updater.ApplyAsync(due.Id, r => RequestTransitions.Expire(r, now), r => [records.Audit(r, Actor.System, "expire", "expired")], cancellationToken);
            if (refusal is not null || await incidents.FindAsync(request.Incident, cancellationToken) is not { } incident) continue;
            await records.TimelineAsync(incident, Actor.System, TimelineKind.MitigationExpired, $"{request.Name} {request.Title} expired without approval", request, cancellationToken);
            await records.ShowAsync(incident, request, cancellationToken);
            expired++;
        }
        return expired;
    }
}
