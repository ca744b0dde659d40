namespace ChatOps.Core.Mitigations;

/// <summary>
/// The request state machine as pure functions; the store applies a result only from the version it was worked out
/// on, so concurrent clicks, on one replica or several, each see the state the previous one left.
/// </summary>
public static class RequestTransitions
{
    public static Transition Approve(MitigationRequest request, Access.PersonId approver, DateTimeOffset now)
    {
        if (Closed(request, now) is { } closed) return closed;
        if (approver == request.RequestedBy)
            return Transition.Refuse($"You requested {request.Name}; someone else must approve it.", "own request");
        if (request.Approvers.Contains(approver))
            return Transition.Refuse($"You already approved {request.Name}; it needs {request.RequiredApprovals} different approvers.", "already approved");
        var approvers = request.Approvers.Add(approver);
        return Transition.To(request with
        {
            Approvers = approvers,
            Status = approvers.Count >= request.RequiredApprovals ? RequestStatus.Approved : RequestStatus.Pending,
        });
    }

    public static Transition Deny(MitigationRequest request, Access.PersonId by, string reason, DateTimeOffset now) =>
        Closed(request, now) ?? Transition.To(request with { Status = RequestStatus.Denied, DeniedBy = by, Reason = reason });

    /// <summary>Approved → executing at <paramref name="now"/>: the one caller that wins this transition runs the mitigation.</summary>
    public static Transition Claim(MitigationRequest request, DateTimeOffset now) =>
        request.Status == RequestStatus.Approved
            ? Transition.To(request with { Status = RequestStatus.Executing, ClaimedAt = now })
            : Transition.Refuse($"{request.Name} is {Name(request.Status)}, not approved.");

    /// <summary>
    /// <paramref name="then"/>, only on the request exactly as it was read (version <paramref name="seen"/>): a
    /// reconciliation judged that version, so whoever moved it since (another replica, a late execution) has the say.
    /// </summary>
    public static Transition Unmoved(MitigationRequest request, int seen, Func<MitigationRequest, Transition> then) =>
        request.Version == seen ? then(request) : Transition.Refuse($"{request.Name} changed meanwhile.");

    public static Transition Complete(MitigationRequest request, MitigationOutcome outcome) =>
        request.Status == RequestStatus.Executing
            ? Transition.To(request with { Status = RequestStatus.Executed, Before = outcome.Before, After = outcome.After })
            : Transition.Refuse($"{request.Name} is {Name(request.Status)}, not executing.");

    public static Transition Fail(MitigationRequest request, string error) =>
        request.Status == RequestStatus.Executing
            ? Transition.To(request with { Status = RequestStatus.Failed, Error = error })
            : Transition.Refuse($"{request.Name} is {Name(request.Status)}, not executing.");

    /// <summary>An executed request whose revert has run.</summary>
    public static Transition Reverted(MitigationRequest request) =>
        request.Status == RequestStatus.Executed
            ? Transition.To(request with { Status = RequestStatus.Reverted })
            : Transition.Refuse($"{request.Name} is {Name(request.Status)}; only an executed mitigation can be reverted.");

    /// <summary>A revert that failed after reserving its original gives the original back.</summary>
    public static Transition Unrevert(MitigationRequest request) =>
        request.Status == RequestStatus.Reverted
            ? Transition.To(request with { Status = RequestStatus.Executed })
            : Transition.Refuse($"{request.Name} is {Name(request.Status)}, not reverted.");

    /// <summary>Open → done: the person who carried out a manual step says so, once.</summary>
    public static Transition Done(MitigationRequest request, MitigationState done) => request.Status switch
    {
        RequestStatus.Open => Transition.To(request with { Status = RequestStatus.Done, After = done }),
        RequestStatus.Done => Transition.Refuse($"{request.Name} is already done ({request.After?.Description})."),
        _ => Transition.Refuse($"{request.Name} is not a manual step; it runs once approved."),
    };

    public static Transition Expire(MitigationRequest request, DateTimeOffset now) =>
        request.Status == RequestStatus.Pending && now >= request.ExpiresAt
            ? Transition.To(request with { Status = RequestStatus.Expired })
            : Transition.Refuse($"{request.Name} has not expired.");

    public static string Name(RequestStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>What someone who acts on an expired request is told.</summary>
    public static string ExpiredText(MitigationRequest request) => $"{request.Name} expired at {request.ExpiresAt:HH:mm} UTC; request it again.";

    private static Transition? Closed(MitigationRequest request, DateTimeOffset now)
    {
        if (request.IsManual)
            return Transition.Refuse($"{request.Name} is a manual step: the bot changes nothing, so nobody approves or denies it. Say done {request.Name} once it is done.");
        if (request.Status == RequestStatus.Pending && now >= request.ExpiresAt)
            return new Transition(request with { Status = RequestStatus.Expired }, ExpiredText(request));
        return request.Status == RequestStatus.Pending
            ? null
            : Transition.Refuse($"{request.Name} is already {Name(request.Status)}.", $"already {Name(request.Status)}");
    }
}
