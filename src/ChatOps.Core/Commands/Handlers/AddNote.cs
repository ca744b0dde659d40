using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>note, cause and impact: free text onto the timeline; cause and impact also set the incident's fields.</summary>
public sealed class AddNote(IncidentResolver resolver, IIncidentStore store, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<AddNoteCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(AddNoteCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case NoteKind.Note:
                // A note changes nothing but the timeline, so it is appended without a version check.
                await store.AppendAsync([events.New(incident, context.Actor, TimelineKind.Note, command.Text)], cancellationToken);
                return CommandResult.Of(new Outgoing(Audience.Thread, ChatMessage.Plain($"Note by {Mention.Of(context.Actor)}: {command.Text}"), incident));

            case NoteKind.Cause:
                return await replies.ApplyAsync(command, incident, current => IncidentChange.To(
                    current with
                    {
                        RootCause = command.Text,
                        Status = current.Status == IncidentStatus.Investigating ? IncidentStatus.Identified : current.Status,
                    },
                    events.New(current, context.Actor, TimelineKind.RootCauseIdentified, $"Root cause identified: {command.Text}",
                        ("status", IncidentLifecycle.Name(current.Status == IncidentStatus.Investigating ? IncidentStatus.Identified : current.Status)))),
                    updated => $"Root cause of {updated.Id} recorded; status {IncidentLifecycle.Name(updated.Status)}.", cancellationToken);

            default:
                return await replies.ApplyAsync(command, incident, current => IncidentChange.To(
                    current with { Impact = command.Text },
                    events.New(current, context.Actor, TimelineKind.ImpactSet, $"Impact: {command.Text}")),
                    updated => $"Impact of {updated.Id} recorded.", cancellationToken);
        }
    }
}
