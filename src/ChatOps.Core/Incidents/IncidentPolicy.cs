using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Incidents;

/// <summary>
/// Who may do what. Anyone may declare at SEV3 or SEV4; declaring at SEV1/SEV2 and changing severity need
/// a manager or the commander; the commander is set by a manager, the current commander, or anyone while
/// there is none. Incidents are worked from their own channel; managers may reach them from anywhere.
/// </summary>
/// <remarks>
/// The rules that depend on the incident take it as it is inside the change, so that a rule holds against the
/// state the change is applied to, not the state first read (two people racing to take command, say).
/// </remarks>
public sealed class IncidentPolicy(IRoleDirectory roles)
{
    public Task<bool> IsManagerAsync(Actor actor, CancellationToken cancellationToken) => roles.IsManagerAsync(actor.Id, cancellationToken);

    public async Task<string?> WhyNotDeclareAsync(Actor actor, Severity severity, CancellationToken cancellationToken) =>
        severity <= Severity.Sev2 && !await roles.IsManagerAsync(actor.Id, cancellationToken)
            ? $"Only a manager can declare at {severity.Label()}. Declare at SEV3 and ask a manager or the commander to raise it."
            : null;

    public static string? WhyNotChangeSeverity(Actor actor, Incident current, bool isManager) =>
        isManager || actor.Id == current.Commander ? null : $"Only a manager or the commander of {current.Id} can change its severity.";

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
