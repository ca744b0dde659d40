using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Postmortem;

namespace ChatOps.Core.Commands.Handlers;

public sealed class RenderPostmortem(IncidentResolver resolver, IIncidentStore store, PostmortemRenderer renderer, TimelineEvents events)
    : IncidentCommandHandler<PostmortemCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(PostmortemCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var timeline = await store.TimelineAsync(incident.Id, cancellationToken);
        var document = await renderer.RenderAsync(incident, timeline, cancellationToken);
        await store.AppendAsync([events.New(incident, context.Actor, TimelineKind.PostmortemPosted, "Postmortem posted")], cancellationToken);
        var note = incident.IsOpen ? " (the incident is still open; run postmortem again after resolving)" : "";
        return CommandResult.Of(new Outgoing(Audience.Thread, new ChatMessage($"Postmortem of {incident.Id}", [
            new TextBlock($"Postmortem of {incident.Id}{note}."),
            new AttachmentBlock($"{incident.Id}-postmortem.md", $"Incident Report: {incident.Headline}", document),
        ]), incident));
    }
}
