using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class SetSeverity(IncidentResolver resolver, IncidentPolicy policy, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<SetSeverityCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(SetSeverityCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var isManager = await policy.IsManagerAsync(context.Actor, cancellationToken);
        var reason = command.Reason is null ? "" : $": {command.Reason}";
        return await replies.ApplyAsync(command, incident, current =>
        {
            if (IncidentPolicy.WhyNotChangeSeverity(context.Actor, current, isManager) is { } why) return IncidentChange.Forbid(why);
            if (!current.IsOpen) return IncidentChange.Refuse($"{current.Id} is resolved; its severity is final.");
            if (current.Severity == command.Severity) return IncidentChange.Refuse($"{current.Id} is already {current.Severity.Label()}.");
            return IncidentChange.To(current with { Severity = command.Severity },
                events.New(current, context.Actor, TimelineKind.SeverityChanged,
                    $"Severity changed {current.Severity.Label()} → {command.Severity.Label()}{reason}",
                    ("from", current.Severity.Label()), ("to", command.Severity.Label()), ("reason", command.Reason)));
        }, updated => $"{updated.Id} is now {updated.Severity.Label()}{reason} (set by {Mention.Of(context.Actor)}).", cancellationToken);
    }
}
