using ChatOps.Core.Access;

namespace ChatOps.Core.Incidents;

/// <summary>
/// Who may do what. Anyone may declare at any severity, so that no responder waits for a manager; a SEV1 or SEV2
/// declared by someone who is not a manager awaits a manager's confirmation. Changing severity needs a manager or a
/// commander whom a manager appointed (anyone may take command of an incident that has none, so command alone is no
/// authority). The commander is set by a manager, the current commander, or anyone while there is none. Incidents are
/// worked from their own channel; managers may reach them from anywhere.
/// </summary>
/// <remarks>
/// The rules that depend on the incident take it as it is inside the change, so that a rule holds against the
/// state the change is applied to, not the state first read (two people racing to take command, say).
/// </remarks>
public sealed class IncidentPolicy(IRoleDirectory roles, IIncidentStore incidents)
{
    public Task<bool> IsManagerAsync(Actor actor, CancellationToken cancellationToken) => roles.IsManagerAsync(actor.Id, cancellationToken);

    /// <summary>Whether a declaration at <paramref name="severity"/> by <paramref name="actor"/> waits for a manager's confirmation.</summary>
    public async Task<bool> AwaitsConfirmationAsync(Actor actor, Severity severity, CancellationToken cancellationToken) =>
        severity <= Severity.Sev2 && !await roles.IsManagerAsync(actor.Id, cancellationToken);

    /// <summary>The incident's commander when a manager appointed them, else null: only such a commander has a say over severity.</summary>
    public async Task<PersonId?> ManagerAppointedCommanderAsync(Incident incident, CancellationToken cancellationToken)
    {
        if (incident.Commander is not { } commander) return null;
        var appointer = Appointments.AppointerOf(commander, await incidents.TimelineAsync(incident.Id, cancellationToken));
        return appointer is not null && await roles.IsManagerAsync(appointer, cancellationToken) ? commander : null;
    }

    /// <param name="managerAppointed">What <see cref="ManagerAppointedCommanderAsync"/> answered; the commander must still be that person.</param>
    public static string? WhyNotChangeSeverity(Actor actor, Incident current, bool isManager, PersonId? managerAppointed) =>
        isManager || (actor.Id == current.Commander && actor.Id == managerAppointed)
            ? null
            : $"Only a manager, or a commander a manager appointed, can change the severity of {current.Id}.";

    public static string? WhyNotSetCommander(Actor actor, Incident current, bool isManager) =>
        isManager || current.Commander is null || actor.Id == current.Commander
            ? null
            : $"Only a manager or the current commander of {current.Id} can hand over command.";

    /// <summary>Null when <paramref name="actor"/> may act on the incident from <paramref name="from"/>; roles are looked up only for another channel.</summary>
    public async Task<string?> WhyNotReachAsync(Actor actor, Incident incident, ChatPlace from, CancellationToken cancellationToken) =>
        (incident.Place.Platform == from.Platform && incident.Place.Channel == from.Channel) || await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? null
            : $"{incident.Id} is worked in another channel; act on it there (managers can reach it from anywhere).";
}
