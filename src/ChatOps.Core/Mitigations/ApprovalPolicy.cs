using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Who may approve: configured approvers (users or groups), managers, and the incident's commander; never the
/// requester (enforced by the state machine). Emergency-only mitigations need two distinct approvers.
/// </summary>
public sealed class ApprovalPolicy(IRoleDirectory roles)
{
    public static int RequiredApprovals(bool emergency) => emergency ? 2 : 1;

    public async Task<string?> WhyNotApproveAsync(Actor actor, Incident incident, CancellationToken cancellationToken) =>
        actor.Id == incident.Commander
        || await roles.IsApproverAsync(actor.Id, cancellationToken)
        || await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? null
            : $"Only approvers, managers or the commander of {incident.Id} can approve or deny mitigations.";
}
