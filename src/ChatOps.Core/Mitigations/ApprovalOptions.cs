namespace ChatOps.Core.Mitigations;

/// <summary>Configuration section <c>Approvals</c>.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";


    /// <summary>How long a request waits for its approvals.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(15);
}
