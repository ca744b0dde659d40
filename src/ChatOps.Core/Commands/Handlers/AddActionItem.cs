using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class AddActionItem(IncidentResolver resolver, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<AddActionItemCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(AddActionItemCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var owner = command.Owner is null ? "" : $" (owner {command.Owner})";
        return replies.ApplyAsync(command, incident, current => IncidentChange.To(
            current with { ActionItems = current.ActionItems.Add(new ActionItem(command.Text, command.Owner)) },
            events.New(current, context.Actor, TimelineKind.ActionItemAdded, $"Action item: {command.Text}{owner}", ("owner", command.Owner))),
            updated => $"Action item {updated.ActionItems.Count} of {updated.Id}: {command.Text}{owner}", cancellationToken);
    }
}
