using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Handlers;

public sealed class MarkMitigated(IncidentResolver resolver, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<MarkMitigatedCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(MarkMitigatedCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        replies.ApplyAsync(command, incident, current =>
            IncidentLifecycle.WhyNot(current, IncidentStatus.Mitigated) is { } why
                ? IncidentChange.Refuse(why)
                : IncidentChange.To(current with { Status = IncidentStatus.Mitigated },
                    events.New(current, context.Actor, TimelineKind.StatusChanged, "Status: mitigated",
                        ("from", IncidentLifecycle.Name(current.Status)), ("to", "mitigated"))),
            updated => $"{updated.Id} is mitigated. Resolve it once it has held.", cancellationToken);
}
