using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Who may approve or deny: people with rights in their own name (configured approvers, members of an approver
/// group, managers), and the incident's commander when one of those appointed them. Rights never pass along a chain:
/// anyone may take command of an incident that has none, and a commander may hand command on, so an appointment counts
/// only by the appointer's own rights. Each approval of an emergency-only mitigation must come from rights in the
/// approver's own name. The requester never approves their own request (enforced by the state machine).
/// </summary>
public sealed class ApprovalPolicy(IRoleDirectory roles, IIncidentStore incidents)
{
    public static int RequiredApprovals(bool emergency) => emergency ? 2 : 1;

    public async Task<Refusal?> WhyNotApproveAsync(Actor actor, Incident incident, MitigationRequest request, CancellationToken cancellationToken)
    {
        if (await HoldsRightsAsync(actor.Id, cancellationToken)) return null;
        if (!await IsAppointedCommanderAsync(actor, incident, cancellationToken)) return NotAnApprover(incident);
        return request.RequiredApprovals > 1
            ? new Refusal(
                $"{request.Name} is emergency only: each of its approvals must come from an approver or a manager in their own name; a commander's appointment does not count.",
                "emergency needs approvers in their own name")
            : null;
    }

    /// <summary>Denying stops a change, so an appointed commander may deny even an emergency-only request.</summary>
    public async Task<Refusal?> WhyNotDenyAsync(Actor actor, Incident incident, CancellationToken cancellationToken) =>
        await HoldsRightsAsync(actor.Id, cancellationToken) || await IsAppointedCommanderAsync(actor, incident, cancellationToken)
            ? null
            : NotAnApprover(incident);

    private async Task<bool> HoldsRightsAsync(PersonId person, CancellationToken cancellationToken) =>
        await roles.IsApproverAsync(person, cancellationToken) || await roles.IsManagerAsync(person, cancellationToken);

    private async Task<bool> IsAppointedCommanderAsync(Actor actor, Incident incident, CancellationToken cancellationToken)
    {
        if (actor.Id != incident.Commander) return false;
        var appointer = Appointments.AppointerOf(actor.Id, await incidents.TimelineAsync(incident.Id, cancellationToken));
        return appointer is not null && await HoldsRightsAsync(appointer, cancellationToken);
    }

    private static Refusal NotAnApprover(Incident incident) => new(
        $"Only approvers, managers or the appointed commander of {incident.Id} (appointed by a manager or an approver) can approve or deny mitigations.",
        "not an approver");
}
