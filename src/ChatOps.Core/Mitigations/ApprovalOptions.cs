namespace ChatOps.Core.Mitigations;

/// <summary>Configuration section <c>Approvals</c>.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>User ids allowed to approve mitigations (the incident's commander always may).</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>Platform user groups whose members may approve (Slack: user group ids).</summary>
    public IList<string> ApproverGroups { get; } = [];

    /// <summary>How long a request waits for its approvals.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(15);
}
