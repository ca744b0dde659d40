namespace ChatOps.Core.Mitigations;

/// <summary>Configuration section <c>Approvals</c>.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>
    /// People allowed to approve mitigations, as <c>platform:user</c> (<c>slack:U0123ABCD</c>); groups are each
    /// platform's own setting. Managers and a commander appointed by a manager or an approver approve as well.
    /// </summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>How long a request waits for its approvals.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(15);
}
