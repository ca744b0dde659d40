namespace ChatOps.Core.Mitigations;

/// <summary>
/// pending → approved → executing → executed | failed; pending → denied | expired; executed → reverted (by an
/// approved revert request). Stored by name.
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
}
