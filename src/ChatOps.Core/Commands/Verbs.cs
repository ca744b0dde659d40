namespace ChatOps.Core.Commands;

/// <summary>The verb a parsed command was written with, for usage lines in errors.</summary>
internal static class Verbs
{
    public static string Of(Command command) => command switch
    {
        DeclareCommand => "declare",
        SetSeverityCommand => "sev",
        SetCommanderCommand => "lead",
        RunRunbookCommand => "run",
        RunCheckCommand => "check",
        AnswerDecisionCommand => "answer",
        MitigateCommand => "mitigate",
        ApproveCommand => "approve",
        DenyCommand => "deny",
        RevertCommand => "revert",
        AddNoteCommand { Kind: NoteKind.Cause } => "cause",
        AddNoteCommand { Kind: NoteKind.Impact } => "impact",
        AddNoteCommand => "note",
        AddActionItemCommand => "action",
        CompleteActionItemCommand or CompleteManualStepCommand => "done",
        AddLessonCommand => "lesson",
        MarkMitigatedCommand => "mitigated",
        ResolveCommand => "resolve",
        ShowStatusCommand => "status",
        ShowTimelineCommand => "timeline",
        ListIncidentsCommand => "list",
        PostmortemCommand => "postmortem",
        DrillCommand => "drill",
        WriteScenarioCommand => "scenario",
        _ => "help",
    };

    public static string? UsageOf(Command command) => CommandTable.Find(Of(command))?.Usage;
}
