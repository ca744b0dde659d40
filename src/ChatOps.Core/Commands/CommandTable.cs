using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands;

/// <summary>The grammar of <c>/incident</c>: every verb, its usage line and its reader. Help is generated from it.</summary>
public static class CommandTable
{
    /// <summary>Longest command text accepted; chat platforms allow about this much in one message.</summary>
    public const int MaxLength = 4000;

    private const string Ref = "[INC-YYYY-NNNN] ";

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("declare", "declare [sev1-4] <title>", "Open an incident (SEV3 unless given); its thread carries everything else.", false)
        {
            Read = ReadDeclare,
        },
        new("sev", $"sev {Ref}<1-4> [reason]", "Set the severity (managers, or a commander a manager appointed); a manager's sev confirms a SEV1-2.", true)
        {
            Read = ReadSeverity,
        },
        new("lead", $"lead {Ref}@user", "Make someone the incident commander.", true) { Read = ReadLead },
        new("run", $"run {Ref}<runbook>", "Run a runbook's checks and walk its decision tree in the thread.", true)
        {
            Read = (c, s) => ReadWord(c, s, "Name the runbook to run.", (id, w) => new RunRunbookCommand(id, w)),
        },
        new("check", $"check {Ref}<check-id>", "Run one check again.", true)
        {
            Read = (c, s) => ReadWord(c, s, "Name the check to run.", (id, w) => new RunCheckCommand(id, w)),
        },
        new("answer", $"answer {Ref}<runbook> <node> <yes|no>", "Answer a decision-tree question (its Yes/No buttons send this).", true)
        {
            Read = ReadAnswer,
        },
        new("mitigate", $"mitigate {Ref}<runbook>/<mitigation> [user-or-ip]", "Request a runbook's mitigation; it runs once approved.", true)
        {
            Read = ReadMitigate,
        },
        new("approve", "approve MIT-N", "Approve a mitigation request (approvers, managers, a commander one of them appointed).", false)
        {
            Read = (c, s) => ReadRequest(c, s, (id, _) => new ApproveCommand(id), allowText: false),
        },
        new("deny", "deny MIT-N <reason>", "Deny a mitigation request, saying why.", false)
        {
            Read = (c, s) => ReadRequest(c, s, (id, reason) => new DenyCommand(id, reason), allowText: true),
        },
        new("revert", "revert MIT-N", "Request a revert of an executed mitigation (approved like any request).", false)
        {
            Read = (c, s) => ReadRequest(c, s, (id, _) => new RevertCommand(id), allowText: false),
        },
        new("note", $"note {Ref}<text>", "Add a note to the timeline.", true)
        {
            Read = (c, s) => ReadText(c, s, "Write the note after the verb.", (id, t) => new AddNoteCommand(id, NoteKind.Note, t)),
        },
        new("cause", $"cause {Ref}<text>", "Record the root cause (status becomes identified).", true)
        {
            Read = (c, s) => ReadText(c, s, "Describe the root cause after the verb.", (id, t) => new AddNoteCommand(id, NoteKind.Cause, t)),
        },
        new("impact", $"impact {Ref}<text>", "Record who or what is affected.", true)
        {
            Read = (c, s) => ReadText(c, s, "Describe the impact after the verb.", (id, t) => new AddNoteCommand(id, NoteKind.Impact, t)),
        },
        new("action", $"action {Ref}<text> [@owner]", "Add an action item, optionally with an owner.", true) { Read = ReadAction },
        new("done", $"done {Ref}<item-number> | done MIT-N", "Mark an action item done (numbered as status shows them), or a manual step (MIT-N).", true)
        {
            Read = ReadDone,
        },
        new("lesson", $"lesson {Ref}<text>", "Add a lesson learned.", true)
        {
            Read = (c, s) => ReadText(c, s, "Write the lesson after the verb.", (id, t) => new AddLessonCommand(id, t)),
        },
        new("mitigated", $"mitigated {Ref}".TrimEnd(), "Mark the incident mitigated.", true)
        {
            Read = (c, s) => ReadNothing(c, s, id => new MarkMitigatedCommand(id)),
        },
        new("resolve", $"resolve {Ref}[resolution]", "Resolve the incident, with what fixed it.", true)
        {
            Read = (c, s) => ReadOptionalText(c, s, (id, t) => new ResolveCommand(id, t)),
        },
        new("status", $"status {Ref}".TrimEnd(), "Show the incident's state.", true)
        {
            ReadOnly = true,
            Read = (c, s) => ReadNothing(c, s, id => new ShowStatusCommand(id)),
        },
        new("timeline", $"timeline {Ref}".TrimEnd(), "Show the incident's timeline.", true)
        {
            ReadOnly = true,
            Read = (c, s) => ReadNothing(c, s, id => new ShowTimelineCommand(id)),
        },
        new("list", "list", "List the open incidents.", false)
        {
            ReadOnly = true,
            Read = (c, s) => c.AtEnd ? ParseResult.Ok(new ListIncidentsCommand()) : s.Fail(CommandErrorCode.UnexpectedArgument, "list takes nothing after it."),
        },
        new("postmortem", $"postmortem {Ref}".TrimEnd(), "Render and post the postmortem.", true)
        {
            Read = (c, s) => ReadNothing(c, s, id => new PostmortemCommand(id)),
        },
        new("drill", "drill [scenario]", "List the drill scenarios, or declare a drill played against one: a simulated platform, nothing real is touched.", false)
        {
            Read = (c, s) => c.Next() is var scenario && c.AtEnd
                ? ParseResult.Ok(new DrillCommand(scenario))
                : s.Fail(CommandErrorCode.UnexpectedArgument, "drill takes at most one scenario name."),
        },
        new("scenario", $"scenario {Ref}[runbook]", "Write a resolved incident's runbook run as a drill scenario, attached in the thread.", true)
        {
            Read = (c, s) => ReadIncident(c) is var incident && c.Next() is var runbook && c.AtEnd
                ? ParseResult.Ok(new WriteScenarioCommand(incident, runbook))
                : s.Fail(CommandErrorCode.UnexpectedArgument, "scenario takes an incident id and at most one runbook."),
        },
        new("help", "help [verb]", "Show this help, or one verb's usage.", false) { Read = ReadHelp, ReadOnly = true },
    ];

    /// <summary>The row a parsed command was read by.</summary>
    public static CommandSpec SpecOf(Command command) =>
        Find(Verbs.Of(command)) ?? throw new InvalidOperationException($"{command.GetType().Name} has no row in the command table.");

    public static CommandSpec? Find(string verb) =>
        All.FirstOrDefault(s => string.Equals(s.Verb, verb, StringComparison.OrdinalIgnoreCase));

    private static ParseResult ReadDeclare(TokenCursor cursor, CommandSpec spec)
    {
        Severity? severity = null;
        var first = cursor.Peek();
        if (first is not null && first.StartsWith("sev", StringComparison.OrdinalIgnoreCase) && first.Length <= 6 && first.Skip(3).All(char.IsAsciiDigit))
        {
            cursor.Next();
            if (!SeverityText.TryParse(first, out var parsed))
                return spec.Fail(CommandErrorCode.BadSeverity, $"{first.ToUpperInvariant()} is not a severity: use sev1, sev2, sev3 or sev4.");
            severity = parsed;
        }
        var title = cursor.Rest();
        return title.Length == 0
            ? spec.Fail(CommandErrorCode.MissingTitle, "An incident needs a title.")
            : ParseResult.Ok(new DeclareCommand(severity, title));
    }

    private static ParseResult ReadSeverity(TokenCursor cursor, CommandSpec spec)
    {
        var incident = ReadIncident(cursor);
        var level = cursor.Next();
        if (level is null) return spec.Fail(CommandErrorCode.MissingArgument, "Give the new severity, 1 to 4.");
        if (!SeverityText.TryParse(level, out var severity))
            return spec.Fail(CommandErrorCode.BadSeverity, $"'{Shorten(level)}' is not a severity: use 1, 2, 3 or 4 (1 is the most severe).");
        var reason = cursor.Rest();
        return ParseResult.Ok(new SetSeverityCommand(incident, severity, reason.Length == 0 ? null : reason));
    }

    private static ParseResult ReadLead(TokenCursor cursor, CommandSpec spec)
    {
        var incident = ReadIncident(cursor);
        var token = cursor.Next();
        if (token is null) return spec.Fail(CommandErrorCode.MissingArgument, "Name the new commander with @.");
        if (!cursor.AtEnd) return spec.Fail(CommandErrorCode.UnexpectedArgument, "lead takes one user.");
        // A commander holds rights, so they must be a person the platform identified, not a name as typed.
        return Mention.TryParse(token, out var user, out _)
            ? ParseResult.Ok(new SetCommanderCommand(incident, user))
            : spec.Fail(CommandErrorCode.BadUser, $"'{Shorten(token)}' is not a user: pick them from chat's @ list so that it becomes a mention.");
    }

    private static ParseResult ReadAction(TokenCursor cursor, CommandSpec spec)
    {
        var incident = ReadIncident(cursor);
        var text = cursor.Rest();
        string? owner = null;
        // The owner is the last word: a mention (whose name may have spaces) or an @handle.
        var lastMention = text.EndsWith('>') ? text.LastIndexOf("<@", StringComparison.Ordinal) : -1;
        var last = lastMention > 0 && Mention.At(text, lastMention)?.Length == text.Length - lastMention
            ? lastMention
            : text.LastIndexOfAny([' ', '\t', '\n']) + 1;
        if (last > 0 && char.IsWhiteSpace(text[last - 1]) && Mention.TryParseOwner(text[last..], out var mentioned))
        {
            owner = mentioned;
            text = text[..last].TrimEnd();
        }
        return text.Length == 0 || Mention.TryParseOwner(text, out _)
            ? spec.Fail(CommandErrorCode.MissingArgument, "Describe the action item after the verb.")
            : ParseResult.Ok(new AddActionItemCommand(incident, text, owner));
    }

    private static ParseResult ReadAnswer(TokenCursor cursor, CommandSpec spec)
    {
        var incident = ReadIncident(cursor);
        var runbook = cursor.Next();
        var node = cursor.Next();
        var answer = cursor.Next()?.ToLowerInvariant();
        if (runbook is null || node is null || answer is null)
            return spec.Fail(CommandErrorCode.MissingArgument, "Name the runbook, the question and yes or no.");
        if (answer is not ("yes" or "no"))
            return spec.Fail(CommandErrorCode.UnexpectedArgument, $"'{Shorten(answer)}' is not an answer: use yes or no.");
        return cursor.AtEnd
            ? ParseResult.Ok(new AnswerDecisionCommand(incident, runbook, node, answer == "yes"))
            : spec.Fail(CommandErrorCode.UnexpectedArgument, "answer takes a runbook, a question and yes or no.");
    }

    private static ParseResult ReadDone(TokenCursor cursor, CommandSpec spec)
    {
        if (cursor.Peek()?.StartsWith("MIT-", StringComparison.OrdinalIgnoreCase) == true)
            return ReadRequest(cursor, spec, (id, _) => new CompleteManualStepCommand(id), allowText: false);
        var incident = ReadIncident(cursor);
        var number = cursor.Next();
        if (number is null) return spec.Fail(CommandErrorCode.MissingArgument, "Give the number of the action item.");
        if (!int.TryParse(number.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var item) || item < 1)
            return spec.Fail(CommandErrorCode.UnexpectedArgument, $"'{Shorten(number)}' is not an action item number (1, 2, ...).");
        return cursor.AtEnd
            ? ParseResult.Ok(new CompleteActionItemCommand(incident, item))
            : spec.Fail(CommandErrorCode.UnexpectedArgument, "done takes one action item number.");
    }

    private static ParseResult ReadMitigate(TokenCursor cursor, CommandSpec spec)
    {
        var incident = ReadIncident(cursor);
        var reference = cursor.Next();
        if (reference is null) return spec.Fail(CommandErrorCode.MissingArgument, "Name the mitigation as runbook/mitigation, e.g. high-latency/scale-inference.");
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == reference.Length - 1)
            return spec.Fail(CommandErrorCode.UnexpectedArgument, $"'{Shorten(reference)}' is not runbook/mitigation.");
        var subject = cursor.Next();
        if (!cursor.AtEnd) return spec.Fail(CommandErrorCode.UnexpectedArgument, "mitigate takes runbook/mitigation and at most one user or IP.");
        // Whether this mitigation takes a subject is the handler's to say (it knows the runbook); what one looks like is grammar.
        if (subject is not null && !MitigationSubject.TryNormalize(subject, out subject, out var error))
            return spec.Fail(CommandErrorCode.BadSubject, error);
        return ParseResult.Ok(new MitigateCommand(incident, reference[..slash], reference[(slash + 1)..], subject));
    }

    private static ParseResult ReadRequest(TokenCursor cursor, CommandSpec spec, Func<long, string?, Command> make, bool allowText)
    {
        var token = cursor.Next();
        if (token is null) return spec.Fail(CommandErrorCode.MissingArgument, "Name the request, e.g. MIT-12.");
        if (!token.StartsWith("MIT-", StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(token.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1)
            return spec.Fail(CommandErrorCode.BadRequestId, $"'{Shorten(token)}' is not a request id; they look like MIT-12.");
        var text = cursor.Rest();
        if (!allowText && text.Length > 0) return spec.Fail(CommandErrorCode.UnexpectedArgument, $"{spec.Verb} takes only the request id.");
        return ParseResult.Ok(make(id, text.Length == 0 ? null : text));
    }

    private static ParseResult ReadHelp(TokenCursor cursor, CommandSpec spec)
    {
        var verb = cursor.Next();
        if (!cursor.AtEnd) return spec.Fail(CommandErrorCode.UnexpectedArgument, "help takes at most one verb.");
        if (verb is not null && Find(verb) is null)
            return spec.Fail(CommandErrorCode.UnknownVerb, $"'{Shorten(verb)}' is not a command. {VerbList()}");
        return ParseResult.Ok(new HelpCommand(verb?.ToLowerInvariant()));
    }

    private static ParseResult ReadWord(TokenCursor cursor, CommandSpec spec, string missing, Func<IncidentId?, string, Command> make)
    {
        var incident = ReadIncident(cursor);
        var word = cursor.Next();
        if (word is null) return spec.Fail(CommandErrorCode.MissingArgument, missing);
        return cursor.AtEnd
            ? ParseResult.Ok(make(incident, word))
            : spec.Fail(CommandErrorCode.UnexpectedArgument, $"{spec.Verb} takes one name.");
    }

    private static ParseResult ReadText(TokenCursor cursor, CommandSpec spec, string missing, Func<IncidentId?, string, Command> make)
    {
        var incident = ReadIncident(cursor);
        var text = cursor.Rest();
        return text.Length == 0 ? spec.Fail(CommandErrorCode.MissingArgument, missing) : ParseResult.Ok(make(incident, text));
    }

    private static ParseResult ReadOptionalText(TokenCursor cursor, CommandSpec spec, Func<IncidentId?, string?, Command> make)
    {
        _ = spec;
        var incident = ReadIncident(cursor);
        var text = cursor.Rest();
        return ParseResult.Ok(make(incident, text.Length == 0 ? null : text));
    }

    private static ParseResult ReadNothing(TokenCursor cursor, CommandSpec spec, Func<IncidentId?, Command> make)
    {
        var incident = ReadIncident(cursor);
        return cursor.AtEnd
            ? ParseResult.Ok(make(incident))
            : spec.Fail(CommandErrorCode.UnexpectedArgument, $"{spec.Verb} takes nothing but an incident id; use note for text.");
    }

    private static IncidentId? ReadIncident(TokenCursor cursor)
    {
        if (!IncidentId.TryParse(cursor.Peek(), out var id)) return null;
        cursor.Next();
        return id;
    }

    internal static string VerbList() => "Commands: " + string.Join(", ", All.Select(s => s.Verb)) + ".";

    internal static string Shorten(string token) => token.Length <= 40 ? token : token[..40] + "…";
}
