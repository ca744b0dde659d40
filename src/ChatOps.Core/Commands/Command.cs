using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>
/// A parsed command. <see cref="Incident"/> is the id the user named, if any; otherwise the
/// incident is found from where the command was sent.
/// </summary>
public abstract record Command(IncidentId? Incident);

public sealed record DeclareCommand(Severity? Severity, string Title) : Command((IncidentId?)null);

public sealed record SetSeverityCommand(IncidentId? Incident, Severity Severity, string? Reason) : Command(Incident);

public sealed record SetCommanderCommand(IncidentId? Incident, PersonId User) : Command(Incident);

public sealed record RunRunbookCommand(IncidentId? Incident, string Runbook) : Command(Incident);

public sealed record RunCheckCommand(IncidentId? Incident, string Check) : Command(Incident);

public sealed record AnswerDecisionCommand(IncidentId? Incident, string Runbook, string Node, bool Yes) : Command(Incident);

public sealed record MitigateCommand(IncidentId? Incident, string Runbook, string Mitigation, string? Subject) : Command(Incident);

public sealed record ApproveCommand(long Request) : Command((IncidentId?)null);

public sealed record DenyCommand(long Request, string? Reason) : Command((IncidentId?)null);

public sealed record RevertCommand(long Request) : Command((IncidentId?)null);

public sealed record AddNoteCommand(IncidentId? Incident, NoteKind Kind, string Text) : Command(Incident);

public sealed record AddActionItemCommand(IncidentId? Incident, string Text, string? Owner) : Command(Incident);

public sealed record CompleteActionItemCommand(IncidentId? Incident, int Item) : Command(Incident);

/// <summary><c>done MIT-N</c>: a manual step carried out; it finds its incident through the request.</summary>
public sealed record CompleteManualStepCommand(long Request) : Command((IncidentId?)null), IRequestCommand;

public sealed record AddLessonCommand(IncidentId? Incident, string Text) : Command(Incident);

public sealed record MarkMitigatedCommand(IncidentId? Incident) : Command(Incident);

public sealed record ResolveCommand(IncidentId? Incident, string? Resolution) : Command(Incident);

public sealed record ShowStatusCommand(IncidentId? Incident) : Command(Incident);

public sealed record ShowTimelineCommand(IncidentId? Incident) : Command(Incident);

public sealed record ListIncidentsCommand() : Command((IncidentId?)null);

public sealed record PostmortemCommand(IncidentId? Incident) : Command(Incident);

public sealed record HelpCommand(string? Verb) : Command((IncidentId?)null);

/// <summary><c>scenario</c>: writes a resolved incident's run of a runbook (the last one run unless named) as a drill scenario.</summary>
public sealed record WriteScenarioCommand(IncidentId? Incident, string? Runbook) : Command(Incident);

/// <summary><c>drill</c>: lists the scenarios; <c>drill &lt;scenario&gt;</c> declares a drill incident played against one.</summary>
public sealed record DrillCommand(string? Scenario) : Command((IncidentId?)null);

/// <summary>The three free-text verbs that share one shape.</summary>
public enum NoteKind
{
    Note,
    Cause,
    Impact,
}
