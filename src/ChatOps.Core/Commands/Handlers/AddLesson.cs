using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Handlers;

public sealed class AddLesson(IncidentResolver resolver, IncidentReplies replies, TimelineEvents events) : IncidentCommandHandler<AddLessonCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(AddLessonCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        replies.ApplyAsync(command, incident, current => IncidentChange.To(
            current with { Lessons = current.Lessons.Add(command.Text) },
            events.New(current, context.Actor, TimelineKind.LessonAdded, $"Lesson learned: {command.Text}")),
            updated => $"Lesson recorded for {updated.Id}.", cancellationToken);
}
