using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// Sets the severity. A manager's <c>sev</c> on a SEV1 or SEV2 that awaits confirmation confirms it, even at the same
/// level; anyone else's change leaves a SEV1 or SEV2 waiting.
/// </summary>
public sealed class SetSeverity(IncidentResolver resolver, IncidentPolicy policy, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<SetSeverityCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(SetSeverityCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var isManager = await policy.IsManagerAsync(context.Actor, cancellationToken);
        var appointed = isManager ? null : await policy.ManagerAppointedCommanderAsync(incident, cancellationToken);
        var reason = command.Reason is null ? "" : $": {command.Reason}";
        var label = command.Severity.Label();
        return await replies.ApplyAsync(command, incident, current =>
        {
            if (IncidentPolicy.WhyNotChangeSeverity(context.Actor, current, isManager, appointed) is { } why) return IncidentChange.Forbid(why);
            if (!current.IsOpen) return IncidentChange.Refuse($"{current.Id} is resolved; its severity is final.");
            var confirms = isManager && current.SeverityAwaitsConfirmation && command.Severity <= Severity.Sev2;
            if (current.Severity == command.Severity && !confirms) return IncidentChange.Refuse($"{current.Id} is already {current.Severity.Label()}.");

            var changed = new List<TimelineEvent>();
            if (current.Severity != command.Severity)
                changed.Add(events.New(current, context.Actor, TimelineKind.SeverityChanged, $"Severity changed {current.Severity.Label()} → {label}{reason}",
                    ("from", current.Severity.Label()), ("to", label), ("reason", command.Reason)));
            if (confirms)
                changed.Add(events.New(current, context.Actor, TimelineKind.SeverityConfirmed, $"{label} confirmed by {Mention.Of(context.Actor)}", ("severity", label)));
            // Only a SEV1 or SEV2 waits, and only until a manager has set or confirmed it.
            var awaits = current.SeverityAwaitsConfirmation && !isManager && command.Severity <= Severity.Sev2;
            return IncidentChange.To(current with { Severity = command.Severity, SeverityAwaitsConfirmation = awaits }, [.. changed]);
        }, updated => $"{updated.Id} is now {label}{reason} (set by {Mention.Of(context.Actor)}"
            + (isManager && incident.SeverityAwaitsConfirmation && command.Severity <= Severity.Sev2 ? ", which confirms it)." : ")."), cancellationToken);
    }
}
