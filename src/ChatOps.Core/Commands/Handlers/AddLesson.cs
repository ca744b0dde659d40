using ChatOps.Core.Incidents;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

public sealed class AddLesson(IncidentResolver resolver, IncidentChanger changer) : IncidentCommandHandler<AddLessonCommand>(resolver)
{
    protected override Task<CommandResult> HandleAsync(AddLessonCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        changer.ApplyAsync(command, incident, current => IncidentChange.To(
            current with { Lessons = current.Lessons.Add(command.Text) },
            changer.Event(current, context.Actor, TimelineKind.LessonAdded, $"Lesson learned: {command.Text}")),
            updated => $"Lesson recorded for {updated.Id}.", cancellationToken);
}
