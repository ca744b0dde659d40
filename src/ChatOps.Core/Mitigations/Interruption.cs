namespace ChatOps.Core.Mitigations;

/// <summary>
/// What an interrupted execution left, judged from the target's live state, and how that is recorded and said.
/// </summary>
internal sealed record Interruption(MitigationRequest Stale, Interruption.Verdict Is, MitigationState Before, MitigationState Live)
{
    internal enum Verdict
    {
        AsPlanned,
        AsBefore,
        Unknown,
    }

    /// <summary>
    /// <paramref name="planned"/> is known whole for a revert (the original's before-state); for a change it is only
    /// described, and the description is compared: a target whose description moves by itself (a block's remaining
    /// time, a revision number) is then not found as planned and is left for people to check.
    /// </summary>
    public static Interruption Judge(MitigationRequest stale, IMitigationExecutor executor, MitigationState? before, MitigationState? planned, MitigationState live)
    {
        var asPlanned = planned is null ? live.Description == stale.Planned : Same(executor, planned, live);
        var verdict = asPlanned ? Verdict.AsPlanned : before is not null && Same(executor, before, live) ? Verdict.AsBefore : Verdict.Unknown;
        // Requests from before the whole state was kept have only its description; a revert of one is refused by its executor.
        return new Interruption(stale, verdict, before ?? new MitigationState(stale.Current, new Dictionary<string, string>(StringComparer.Ordinal)), live);
    }

    public bool Landed => Is == Verdict.AsPlanned;

    public string Audit => Is switch
    {
        Verdict.AsPlanned => "executed: interrupted, the target is as planned",
        Verdict.AsBefore => "failed: interrupted, the target is as before, nothing changed",
        _ => "failed: interrupted, the target is neither as before nor as planned, part of the change may have landed",
    };

    public Transition Settle(MitigationRequest request) => Is switch
    {
        Verdict.AsPlanned => RequestTransitions.Complete(request, new MitigationOutcome(Before, Live)),
        Verdict.AsBefore => RequestTransitions.Fail(request, $"interrupted before it changed anything; still {Live.Description}"),
        _ => RequestTransitions.Fail(request, $"interrupted; now {Live.Description}, neither {Before.Description} as before nor {Stale.Planned} as planned: part of it may have landed"),
    };

    public string Timeline(MitigationRequest recorded) => Is switch
    {
        Verdict.AsPlanned => $"{recorded.Name} {recorded.Title} executed: {Before.Description} → {Live.Description} (interrupted, reconciled from the live state)",
        _ => $"{recorded.Name} {recorded.Title} failed: {recorded.Error}",
    };

    public string Thread(MitigationRequest recorded) => $"{recorded.Name} was interrupted by a restart while executing; " + Is switch
    {
        Verdict.AsPlanned => $"the target is at {Live.Description} as planned, so it is recorded as executed.",
        Verdict.AsBefore => $"the target is still at {Live.Description} as before, so nothing changed and it is recorded as failed. Request it again to retry.",
        _ => $"the target is at {Live.Description}, neither {Before.Description} as before nor {Stale.Planned} as planned, so part of the change may have landed. "
             + "It is recorded as failed; check the current state before you request it again.",
    };

    // Unreadable recorded values (MitigationFailedException) mean the states cannot be called the same.
    private static bool Same(IMitigationExecutor executor, MitigationState recorded, MitigationState live)
    {
        try
        {
            return executor.IsUnchanged(recorded, live);
        }
        catch (MitigationFailedException)
        {
            return false;
        }
    }
}
