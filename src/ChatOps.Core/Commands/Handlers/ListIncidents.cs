using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class ListIncidents(IIncidentStore store, IncidentClock clock) : CommandHandler<ListIncidentsCommand>
{
    protected override async Task<CommandResult> HandleAsync(ListIncidentsCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var open = await store.ListOpenAsync(null, cancellationToken);
        if (open.Count == 0) return CommandResult.ToRequester(ChatMessage.Plain("No open incidents."));
        var rows = open.Select(i => (IReadOnlyList<string>)
        [
            i.Id.ToString(), i.Severity.Label(), IncidentLifecycle.Name(i.Status), i.Title,
            i.Commander is null ? "-" : UserMention.Render(i.Commander), IncidentClock.Length(clock.Now - i.DeclaredAt),
        ]).ToList();
        return CommandResult.ToRequester(new ChatMessage($"{open.Count} open incidents", [
            new HeaderBlock($"Open incidents ({open.Count})"),
            new TableBlock(["Id", "Sev", "Status", "Title", "Commander", "Open for"], rows),
        ]));
    }
}
