using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

public sealed class ShowTimeline(IncidentResolver resolver, IIncidentStore store, TimelineView timeline) : IncidentCommandHandler<ShowTimelineCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(ShowTimelineCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var events = await store.TimelineAsync(incident.Id, cancellationToken);
        var of = incident.IsDrill ? $"{incident.Id} (drill of {incident.Drill})" : incident.Id.ToString();
        return CommandResult.ToRequester(new ChatMessage($"Timeline of {of}", [
            new HeaderBlock($"Timeline of {of}"),
            timeline.Render(events),
        ]));
    }
}
