using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Handlers;

public sealed class ResolveIncident(IncidentResolver resolver, IncidentReplies replies, TimelineEvents events, IncidentClock clock) : IncidentCommandHandler<ResolveCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(ResolveCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        replies.ApplyAsync(command, incident, current =>
        {
            if (IncidentLifecycle.WhyNot(current, IncidentStatus.Resolved) is { } why) return IncidentChange.Refuse(why);
            var now = clock.Now;
            var text = command.Resolution is null ? "Resolved" : $"Resolved: {command.Resolution}";
            return IncidentChange.To(
                current with { Status = IncidentStatus.Resolved, ResolvedAt = now, Resolution = command.Resolution ?? current.Resolution },
                events.New(current, context.Actor, TimelineKind.Resolved, text, ("from", IncidentLifecycle.Name(current.Status))));
        }, updated => $"{updated.Id} resolved after {IncidentClock.Length(updated.ResolvedAt!.Value - updated.DeclaredAt)}. Write the postmortem with postmortem.", cancellationToken);
}
