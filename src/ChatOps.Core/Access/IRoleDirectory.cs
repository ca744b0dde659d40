namespace ChatOps.Core.Access;

/// <summary>Says whether a user holds a role: configured users, or members of platform user groups.</summary>
public interface IRoleDirectory
{
    Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Configured approvers of mitigations (managers and the commander approve as well; the policy adds them).</summary>
    Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken);
}
