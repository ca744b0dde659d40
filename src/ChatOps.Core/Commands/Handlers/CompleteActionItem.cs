using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Handlers;

public sealed class CompleteActionItem(IncidentResolver resolver, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<CompleteActionItemCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(CompleteActionItemCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        replies.ApplyAsync(command, incident, current =>
        {
            if (command.Item > current.ActionItems.Count)
                return IncidentChange.Refuse($"{current.Id} has {current.ActionItems.Count} action items; there is no number {command.Item}.");
            var item = current.ActionItems[command.Item - 1];
            if (item.Done) return IncidentChange.Refuse($"Action item {command.Item} of {current.Id} is already done.");
            return IncidentChange.To(current with { ActionItems = current.ActionItems.SetItem(command.Item - 1, item with { Done = true }) },
                events.New(current, context.Actor, TimelineKind.ActionItemCompleted, $"Action item done: {item.Text}", ("item", command.Item.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }, updated => $"Action item {command.Item} of {updated.Id} is done.", cancellationToken);
}
