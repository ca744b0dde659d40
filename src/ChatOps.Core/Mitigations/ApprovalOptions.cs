namespace ChatOps.Core.Mitigations;

/// <summary>Configuration section <c>Approvals</c>.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>How long a request waits for its approvals.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long an execution may stay unrecorded before it is taken for interrupted and reconciled from the target's
    /// live state. Executors have no deadline of their own: each Kubernetes call may take the client's 100 s, and a
    /// rollback makes three, a flag in a ConfigMap with restarts more; a lease shorter than a slow execution would
    /// judge a change that is still landing.
    /// </summary>
    public TimeSpan ExecutionLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest lease accepted: longer than one Kubernetes call may take.</summary>
    public static readonly TimeSpan MinimumExecutionLease = TimeSpan.FromMinutes(2);
}
