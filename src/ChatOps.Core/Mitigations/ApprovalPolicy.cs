using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Who may approve: configured approvers (users or groups), managers, and the incident's commander when someone
/// else appointed them (anyone may take command of an incident that has none, so self-appointment must not make
/// an approver); never the requester (enforced by the state machine). Emergency-only mitigations need two
/// distinct approvers.
/// </summary>
public sealed class ApprovalPolicy(IRoleDirectory roles, IIncidentStore incidents)
{
    public static int RequiredApprovals(bool emergency) => emergency ? 2 : 1;

    public async Task<string?> WhyNotApproveAsync(Actor actor, Incident incident, CancellationToken cancellationToken) =>
        await roles.IsApproverAsync(actor.Id, cancellationToken)
        || await roles.IsManagerAsync(actor.Id, cancellationToken)
        || await IsAppointedCommanderAsync(actor, incident, cancellationToken)
            ? null
            : $"Only approvers, managers or the appointed commander of {incident.Id} can approve or deny mitigations.";

    private async Task<bool> IsAppointedCommanderAsync(Actor actor, Incident incident, CancellationToken cancellationToken)
    {
        if (actor.Id != incident.Commander) return false;
        var appointment = (await incidents.TimelineAsync(incident.Id, cancellationToken)).LastOrDefault(e => e.Kind == Incidents.TimelineKind.CommanderSet);
        return appointment is not null && appointment.Actor != actor.Id;
    }
}
