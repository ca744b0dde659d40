using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("declare sev2 GPU pool saturated", Severity.Sev2, "GPU pool saturated")]
    [InlineData("declare   Checkout   latency  up", null, "Checkout   latency  up")]
    [InlineData("incident declare SEV1 Everything is down", Severity.Sev1, "Everything is down")]
    [InlineData("/incident declare sev4 minor", Severity.Sev4, "minor")]
    [InlineData("declare 2 things broke", null, "2 things broke")]
    public void Declare_reads_optional_severity_and_title(string text, Severity? severity, string title)
    {
        var command = Assert.IsType<DeclareCommand>(CommandParser.Parse(text).Command);
        Assert.Equal(severity, command.Severity);
        Assert.Equal(title, command.Title);
    }

    [Fact]
    public void Every_verb_names_its_incident_after_the_verb()
    {
        var id = new IncidentId(2026, 42);
        Assert.Equal(new SetSeverityCommand(id, Severity.Sev2, "customers affected"), CommandParser.Parse("sev INC-2026-0042 2 customers affected").Command);
        Assert.Equal(new SetCommanderCommand(id, P("U123")), CommandParser.Parse("lead INC-2026-0042 <@slack:U123|alice>").Command);
        Assert.Equal(new RunRunbookCommand(id, "high-latency"), CommandParser.Parse("run INC-2026-0042 high-latency").Command);
        Assert.Equal(new RunCheckCommand(null, "gpu-utilization"), CommandParser.Parse("check gpu-utilization").Command);
        Assert.Equal(new AddNoteCommand(id, NoteKind.Cause, "bad deploy"), CommandParser.Parse("cause INC-2026-0042 bad deploy").Command);
        Assert.Equal(new AddNoteCommand(null, NoteKind.Impact, "5% of requests"), CommandParser.Parse("impact 5% of requests").Command);
        Assert.Equal(new MarkMitigatedCommand(id), CommandParser.Parse("mitigated INC-2026-0042").Command);
        Assert.Equal(new ResolveCommand(null, null), CommandParser.Parse("resolve").Command);
        Assert.Equal(new ResolveCommand(id, "rolled back"), CommandParser.Parse("resolve INC-2026-0042 rolled back").Command);
        Assert.Equal(new ShowStatusCommand(null), CommandParser.Parse("status").Command);
        Assert.Equal(new ShowTimelineCommand(id), CommandParser.Parse("TIMELINE inc-2026-0042").Command);
        Assert.Equal(new ListIncidentsCommand(), CommandParser.Parse("list").Command);
        Assert.Equal(new PostmortemCommand(null), CommandParser.Parse("postmortem").Command);
        Assert.Equal(new HelpCommand("sev"), CommandParser.Parse("help sev").Command);
        Assert.Equal(new CompleteActionItemCommand(id, 2), CommandParser.Parse("done INC-2026-0042 #2").Command);
        Assert.Equal(new CompleteManualStepCommand(7), CommandParser.Parse("done mit-7").Command);
        Assert.Equal(new AnswerDecisionCommand(null, "high-latency", "queue-high", false), CommandParser.Parse("answer high-latency queue-high NO").Command);
        Assert.Equal(new AddLessonCommand(null, "alerts need runbook links"), CommandParser.Parse("lesson alerts need runbook links").Command);
    }

    [Fact]
    public void Drill_takes_at_most_one_scenario()
    {
        Assert.Equal(new DrillCommand(null), CommandParser.Parse("drill").Command);
        Assert.Equal(new DrillCommand("gpu-saturation"), CommandParser.Parse("/incident drill gpu-saturation").Command);
        var error = CommandParser.Parse("drill gpu-saturation now").Error!;
        Assert.Equal(CommandErrorCode.UnexpectedArgument, error.Code);
        Assert.Equal("drill [scenario]", error.Usage);
    }

    [Fact]
    public void Action_takes_a_trailing_owner()
    {
        Assert.Equal(new AddActionItemCommand(null, "Add GPU alert", "<@slack:U7>"), CommandParser.Parse("action Add GPU alert <@slack:U7>").Command);
        Assert.Equal(new AddActionItemCommand(null, "Add GPU alert", "@bob"), CommandParser.Parse("action Add GPU alert @bob").Command);
        Assert.Equal(new AddActionItemCommand(null, "email <@slack:U7> later please", null), CommandParser.Parse("action email <@slack:U7> later please").Command);
        Assert.Equal(new AddActionItemCommand(null, "Add GPU alert", "<@teams:aad-bob|Bob Example>"),
            CommandParser.Parse("action Add GPU alert <@teams:aad-bob|Bob Example>").Command);
    }

    [Fact]
    public void A_mention_whose_name_has_spaces_is_one_word()
    {
        // Teams names people in full ("Bob Example"); the mention is still the one user lead takes.
        Assert.Equal(new SetCommanderCommand(null, new Access.PersonId("teams", "aad-bob")), CommandParser.Parse("lead <@teams:aad-bob|Bob Example>").Command);
        Assert.Equal(CommandErrorCode.UnexpectedArgument, CommandParser.Parse("lead <@teams:aad-bob|Bob Example> <@teams:aad-carol|Carol>").Error!.Code);
        Assert.False(CommandParser.Parse("lead <@teams:aad-bob|Bob Example").Succeeded);
    }

    [Theory]
    [InlineData("", CommandErrorCode.Empty)]
    [InlineData("   ", CommandErrorCode.Empty)]
    [InlineData("incident", CommandErrorCode.Empty)]
    [InlineData("explode now", CommandErrorCode.UnknownVerb)]
    [InlineData("declare", CommandErrorCode.MissingTitle)]
    [InlineData("declare sev2", CommandErrorCode.MissingTitle)]
    [InlineData("declare sev9 oh no", CommandErrorCode.BadSeverity)]
    [InlineData("sev 9", CommandErrorCode.BadSeverity)]
    [InlineData("sev high", CommandErrorCode.BadSeverity)]
    [InlineData("sev", CommandErrorCode.MissingArgument)]
    [InlineData("lead", CommandErrorCode.MissingArgument)]
    [InlineData("lead bob", CommandErrorCode.BadUser)]
    [InlineData("lead @bob @carol", CommandErrorCode.UnexpectedArgument)]
    [InlineData("run", CommandErrorCode.MissingArgument)]
    [InlineData("run high latency", CommandErrorCode.UnexpectedArgument)]
    [InlineData("note", CommandErrorCode.MissingArgument)]
    [InlineData("note INC-2026-0001", CommandErrorCode.MissingArgument)]
    [InlineData("action @bob", CommandErrorCode.MissingArgument)]
    [InlineData("mitigated it is", CommandErrorCode.UnexpectedArgument)]
    [InlineData("list everything", CommandErrorCode.UnexpectedArgument)]
    [InlineData("help frobnicate", CommandErrorCode.UnknownVerb)]
    [InlineData("resolve INC-2026-42 fixed", CommandErrorCode.BadIncidentId)]
    [InlineData("note inc-2026 something", CommandErrorCode.BadIncidentId)]
    [InlineData("done", CommandErrorCode.MissingArgument)]
    [InlineData("done first", CommandErrorCode.UnexpectedArgument)]
    [InlineData("done MIT-x", CommandErrorCode.BadRequestId)]
    [InlineData("done MIT-7 now", CommandErrorCode.UnexpectedArgument)]
    [InlineData("answer high-latency gpu-saturated maybe", CommandErrorCode.UnexpectedArgument)]
    public void Bad_input_gets_a_typed_error_with_usage(string text, CommandErrorCode code)
    {
        var result = CommandParser.Parse(text);
        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.NotNull(result.Error.Usage);
    }

    [Fact]
    public void Sev_9_says_which_severities_exist_and_how_to_write_the_command()
    {
        var error = CommandParser.Parse("sev 9").Error!;
        Assert.Contains("1, 2, 3 or 4", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("sev ", error.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_input_is_refused()
    {
        Assert.Equal(CommandErrorCode.TooLong, CommandParser.Parse("note " + new string('x', CommandTable.MaxLength)).Error!.Code);
    }

    [Fact]
    public void Every_verb_of_the_table_parses_from_its_own_usage_line()
    {
        // A usage line may give two forms, separated by " | " (done <item-number> | done MIT-N).
        foreach (var (spec, usage) in CommandTable.All.SelectMany(s => s.Usage.Split(" | ").Select(u => (s, u))))
        {
            var example = usage
                .Replace("[INC-YYYY-NNNN]", "INC-2026-0001", StringComparison.Ordinal)
                .Replace("[sev1-4] ", "sev2 ", StringComparison.Ordinal)
                .Replace("<1-4>", "2", StringComparison.Ordinal)
                .Replace("@user", "@bob", StringComparison.Ordinal)
                .Replace("[verb]", "sev", StringComparison.Ordinal)
                .Replace("<yes|no>", "yes", StringComparison.Ordinal)
                .Replace("<item-number>", "1", StringComparison.Ordinal)
                .Replace("MIT-N", "MIT-1", StringComparison.Ordinal);
            example = System.Text.RegularExpressions.Regex.Replace(example, @"\[([^\]]+)\]|<([^>]+)>", "word")
                .Replace("@bob", "<@slack:U0BOB>", StringComparison.Ordinal); // what chat makes of a typed @bob
            var parsed = CommandParser.Parse(example);
            Assert.True(parsed.Succeeded, $"'{example}' (from the usage of {spec.Verb}) does not parse.");
            // Errors quote the usage of the verb a command was written with; a command type missing there would quote another's.
            Assert.Equal(spec.Verb, Verbs.Of(parsed.Command));
        }
    }
}
