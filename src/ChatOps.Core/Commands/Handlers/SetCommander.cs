using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class SetCommander(IncidentResolver resolver, IncidentPolicy policy, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<SetCommanderCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(SetCommanderCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var isManager = await policy.IsManagerAsync(context.Actor, cancellationToken);
        var who = Mention.Of(command.User);
        return await replies.ApplyAsync(command, incident, current =>
        {
            if (IncidentPolicy.WhyNotSetCommander(context.Actor, current, isManager) is { } why) return IncidentChange.Forbid(why);
            if (!current.IsOpen) return IncidentChange.Refuse($"{current.Id} is resolved; it needs no commander.");
            if (current.Commander == command.User) return IncidentChange.Refuse($"{who} already commands {current.Id}.");
            return IncidentChange.To(current with { Commander = command.User },
                events.New(current, context.Actor, TimelineKind.CommanderSet, $"Commander set to {who}",
                    ("from", current.Commander?.ToString()), ("to", command.User.ToString())));
        }, updated => $"{who} is now the commander of {updated.Id}.", cancellationToken);
    }
}
