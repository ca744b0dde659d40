using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Open incidents of this channel; managers see every channel's.</summary>
public sealed class ListIncidents(IIncidentStore store, IncidentClock clock, IncidentPolicy policy) : CommandHandler<ListIncidentsCommand>
{
    protected override async Task<CommandResult> HandleAsync(ListIncidentsCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var everywhere = await policy.IsManagerAsync(context.Actor, cancellationToken);
        var open = await store.ListOpenAsync(everywhere ? null : context.Place with { Thread = null }, cancellationToken);
        if (open.Count == 0) return CommandResult.ToRequester(ChatMessage.Plain(everywhere ? "No open incidents." : "No open incidents in this channel."));
        var rows = open.Select(i => (IReadOnlyList<string>)
        [
            i.Id.ToString(), i.Severity.Label(), IncidentLifecycle.Name(i.Status), i.Headline,
            i.Commander is null ? "-" : Mention.Of(i.Commander), IncidentClock.Length(clock.Now - i.DeclaredAt),
        ]).ToList();
        return CommandResult.ToRequester(new ChatMessage($"{open.Count} open incidents", [
            new HeaderBlock($"Open incidents ({open.Count})"),
            new TableBlock(["Id", "Sev", "Status", "Title", "Commander", "Open for"], rows),
        ]));
    }
}
