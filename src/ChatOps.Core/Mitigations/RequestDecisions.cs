using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// An approver's decision (approve or deny) on a request: only those with the right decide, the transition is applied
/// from the stored version, every refusal is audited with who tried, and a request found expired is closed, whoever
/// clicked: expiry is a matter of time, and a card left offering Approve would mislead the next person.
/// </summary>
public sealed class RequestDecisions(ApprovalPolicy approvals, RequestUpdater updater, MitigationRecords records, MitigationExpiry expiry, TimeProvider time)
{
    public async Task<Decision> ApproveAsync(MitigationRequest request, Incident incident, Actor actor, CancellationToken cancellationToken)
    {
        if (await ExpiredAsync(request, actor, "approve", cancellationToken) is { } expired) return expired;
        if (await approvals.WhyNotApproveAsync(actor, incident, request, cancellationToken) is { } why)
            return await RefusedAsync(request, actor, "approve", why, forbidden: true, cancellationToken);
        if (!incident.IsOpen)
            return await RefusedAsync(request, actor, "approve",
                new Refusal($"{incident.Id} is resolved; {request.Name} will not run. Deny it, or reopen work in a new incident.", "incident resolved"),
                forbidden: false, cancellationToken);
        return await DecideAsync(request, incident, actor, "approve",
            (r, now) => RequestTransitions.Approve(r, actor.Id, now), r => RequestTransitions.Name(r.Status), cancellationToken);
    }

    public async Task<Decision> DenyAsync(MitigationRequest request, Incident incident, Actor actor, string reason, CancellationToken cancellationToken)
    {
        if (await ExpiredAsync(request, actor, "deny", cancellationToken) is { } expired) return expired;
        return await approvals.WhyNotDenyAsync(actor, incident, cancellationToken) is { } why
            ? await RefusedAsync(request, actor, "deny", why, forbidden: true, cancellationToken)
            : await DecideAsync(request, incident, actor, "deny",
                (r, now) => RequestTransitions.Deny(r, actor.Id, reason, now), _ => "denied: " + reason, cancellationToken);
    }

    private async Task<Decision?> ExpiredAsync(MitigationRequest request, Actor actor, string action, CancellationToken cancellationToken)
    {
        if (!expiry.IsDue(request) || await expiry.ExpireAsync(request.Id, cancellationToken) is not { } expired) return null;
        return await RefusedAsync(expired, actor, action, new Refusal(RequestTransitions.ExpiredText(expired), "expired"), forbidden: false, cancellationToken);
    }

    private async Task<Decision> DecideAsync(
        MitigationRequest request, Incident incident, Actor actor, string action,
        Func<MitigationRequest, DateTimeOffset, Transition> decide, Func<MitigationRequest, string> outcome, CancellationToken cancellationToken)
    {
        // The updater may work the transition out again on a fresher request; the last one worked out is the one that stands.
        Transition? last = null;
        var (decided, refusal) = await updater.ApplyAsync(request.Id, r => last = decide(r, time.GetUtcNow()),
            r => [records.Audit(r, actor, action, r.Status == RequestStatus.Expired ? "expired" : outcome(r))], cancellationToken);
        if (refusal is null) return new Decision(decided, null, Forbidden: false);
        // The request ran out of time between the check above and this transition: stored and audited with it, shown here.
        if (last?.Next is not null)
        {
            await expiry.ShowAsync(incident, decided, cancellationToken);
            return new Decision(null, refusal, Forbidden: false);
        }
        await records.RefusedAsync(decided, actor, action, last?.Audit ?? refusal, cancellationToken);
        // A click on a card that still offers buttons after its expiry (chat was down then) brings the card up to date.
        if (decided.Status == RequestStatus.Expired) await records.ShowAsync(incident, decided, cancellationToken);
        return new Decision(null, refusal, Forbidden: false);
    }

    private async Task<Decision> RefusedAsync(MitigationRequest request, Actor actor, string action, Refusal refusal, bool forbidden, CancellationToken cancellationToken)
    {
        await records.RefusedAsync(request, actor, action, refusal.Audit, cancellationToken);
        return new Decision(null, refusal.Why, forbidden);
    }

    /// <summary>The request as decided, or why not (<see cref="Forbidden"/>: not this person's to decide).</summary>
    public sealed record Decision(MitigationRequest? Request, string? Refusal, bool Forbidden);
}
