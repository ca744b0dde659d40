using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class ShowStatus(IncidentResolver resolver, IIncidentStore store, Mitigations.IMitigationStore requests, IncidentCard card, TimelineView timeline) : IncidentCommandHandler<ShowStatusCommand>(resolver)
{
    private const int RecentEvents = 5;

    protected override async Task<CommandResult> HandleAsync(ShowStatusCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var recent = await store.TimelineTailAsync(incident.Id, RecentEvents, cancellationToken);
        // The buttons are left out: this is a private view, and the card in the channel carries them.
        var blocks = card.Facts(incident);
        var facts = new List<Field>();
        if (incident.Impact is { } impact) facts.Add(new Field("Impact", impact));
        if (incident.RootCause is { } cause) facts.Add(new Field("Root cause", cause));
        if (incident.Resolution is { } resolution) facts.Add(new Field("Resolution", resolution));
        facts.Add(new Field("Action items", $"{incident.ActionItems.Count(a => !a.Done)} open of {incident.ActionItems.Count}"));
        blocks.Add(new FieldsBlock(facts));
        if (incident.ActionItems.Count > 0)
        {
            blocks.Add(new TableBlock(["#", "Action item", "Owner", "Done"], [.. incident.ActionItems.Select((a, i) => (IReadOnlyList<string>)
                [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Text, a.Owner ?? "-", a.Done ? "yes" : "no"])]));
        }
        var mitigations = await requests.ListAsync(incident.Id, cancellationToken);
        if (mitigations.Count > 0)
        {
            blocks.Add(new TableBlock(["Request", "Mitigation", "Status", "Change"], [.. mitigations.Select(r => (IReadOnlyList<string>)
                [r.Name, r.Title, Mitigations.RequestTransitions.Name(r.Status),
                 r.IsManual ? "manual: " + r.Planned
                 : r.Before is { } before && r.After is { } after ? $"{before.Description} → {after.Description}" : $"{r.Current} → {r.Planned}"])]));
        }
        blocks.Add(new DividerBlock());
        blocks.Add(timeline.Render(recent.Events));
        if (recent.Total > recent.Events.Count) blocks.Add(new ContextBlock($"{recent.Total - recent.Events.Count} earlier events: timeline {incident.Id}"));
        return CommandResult.ToRequester(new ChatMessage(IncidentCard.Summary(incident), blocks));
    }
}
