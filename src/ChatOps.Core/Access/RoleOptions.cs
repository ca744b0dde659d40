namespace ChatOps.Core.Access;

/// <summary>
/// The people configured into a role, each as <c>platform:user</c> (<c>slack:U0123ABCD</c>, <c>teams:&lt;AAD object id&gt;</c>).
/// The host reads them from <c>Incidents:Managers</c> and <c>Approvals:Approvers</c>, where on-call engineers look for them.
/// </summary>
public sealed class RoleOptions
{
    /// <summary>People who hold the manager role.</summary>
    public IList<string> Managers { get; } = [];

    /// <summary>People allowed to approve mitigations; managers and a commander appointed by a manager or an approver approve as well.</summary>
    public IList<string> Approvers { get; } = [];
}
