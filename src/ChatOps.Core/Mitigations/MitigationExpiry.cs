using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Closes requests whose time ran out, so that their messages stop offering Approve and Deny: the sweep finds them on
/// a timer, a click finds them first when it comes earlier. Either way the expiry is stored, put on the timeline once
/// and shown on the request's message.
/// </summary>
public sealed class MitigationExpiry(IMitigationStore requests, IIncidentStore incidents, RequestUpdater updater, MitigationRecords records, TimeProvider time)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var due in (await requests.ListPendingAsync(cancellationToken)).Where(r => r.ExpiresAt <= now))
        {
            if (await ExpireAsync(due.Id, cancellationToken) is not null) expired++;
        }
        return expired;
    }

    /// <summary>Whether <paramref name="request"/>, as read, is pending past its time.</summary>
    public bool IsDue(MitigationRequest request) => request.Status == RequestStatus.Pending && time.GetUtcNow() >= request.ExpiresAt;

    /// <summary>Expires the request if it is pending past its time; null when it is not (decided meanwhile, or not due).</summary>
    public async Task<MitigationRequest?> ExpireAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The store transition decides, so a sweep and a click racing on one request record it once.
        var (request, refusal) = await updater.ApplyAsync(id, r => RequestTransitions.Expire(r, now), r => [records.Audit(r, Actor.System, "expire", "expired")], cancellationToken);
        if (refusal is not null) return null;
        if (await incidents.FindAsync(request.Incident, cancellationToken) is { } incident) await ShowAsync(incident, request, cancellationToken);
        return request;
    }

    /// <summary>Puts an expiry already stored on the timeline and on the request's message (the card is best effort inside ShowAsync).</summary>
    public async Task ShowAsync(Incident incident, MitigationRequest expired, CancellationToken cancellationToken)
    {
        await records.TimelineAsync(incident, Actor.System, TimelineKind.MitigationExpired, $"{expired.Name} {expired.Title} expired without approval", expired, cancellationToken);
        await records.ShowAsync(incident, expired, cancellationToken);
    }
}
