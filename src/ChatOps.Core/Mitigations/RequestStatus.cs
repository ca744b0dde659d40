namespace ChatOps.Core.Mitigations;

/// <summary>
/// pending → approved → executing → executed | failed; pending → denied | expired; executed → reverted (by an
/// approved revert request). A manual step (the runbook's <c>kind: manual</c>) is open → done instead: the bot changes
/// nothing, so nobody approves it, and the person who did the work marks it done. Stored by name.
/// </summary>
public enum RequestStatus
{
    Pending,
    Approved,
    Executing,
    Executed,
    Failed,
    Denied,
    Expired,
    Reverted,
    Open,
    Done,
}
