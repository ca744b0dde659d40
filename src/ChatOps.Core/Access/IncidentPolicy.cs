using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>
/// Who may do what. Anyone may declare at SEV3 or SEV4; declaring at SEV1/SEV2 and changing severity need
/// a manager or the commander; the commander is set by a manager, the current commander, or anyone while there is none.
/// </summary>
public sealed class IncidentPolicy(IRoleDirectory roles)
{
    public async Task<string?> WhyNotDeclareAsync(Actor actor, Severity severity, CancellationToken cancellationToken) =>
        severity <= Severity.Sev2 && !await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? $"Only a manager can declare at {severity.Label()}. Declare at SEV3 and ask a manager or the commander to raise it."
            : null;

    public async Task<string?> WhyNotChangeSeverityAsync(Actor actor, Incident incident, CancellationToken cancellationToken) =>
        actor.Id == incident.Commander || await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? null
            : $"Only a manager or the commander of {incident.Id} can change its severity.";

    public async Task<string?> WhyNotSetCommanderAsync(Actor actor, Incident incident, CancellationToken cancellationToken) =>
        incident.Commander is null || actor.Id == incident.Commander || await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? null
            : $"Only a manager or the current commander of {incident.Id} can hand over command.";
}
