using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Incidents;

public sealed class IncidentFlowTests
{
    private const string Alice = "U-ALICE";
    private const string Bob = "U-BOB";
    private const string Manager = "U-MANAGER";

    private static Conversation NewConversation() => new(managers: [Manager]);

    [Fact]
    public async Task Declare_posts_a_root_message_whose_thread_carries_the_rest()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "sev3 GPU pool saturated");

        Assert.Equal(new IncidentId(2026, 1), incident.Id);
        Assert.Equal("m1", incident.Place.Thread);
        var posts = chat.Chat.Posts.ToList();
        Assert.Equal(PostKind.Message, posts[0].Kind);
        Assert.Null(posts[0].Place.Thread);
        Assert.Contains("INC-2026-0001 · SEV3 · GPU pool saturated", MessageText.Of(posts[0].Message), StringComparison.Ordinal);
        Assert.Equal("m1", posts[1].Place.Thread);
        var timeline = await chat.Store.TimelineAsync(incident.Id, default);
        Assert.Equal(TimelineKind.Declared, Assert.Single(timeline).Kind);
    }

    [Fact]
    public async Task Ids_increase_within_a_year_and_restart_in_the_next()
    {
        await using var chat = NewConversation();
        Assert.Equal("INC-2026-0001", (await chat.DeclareAsync(Alice, "first")).Id.ToString());
        Assert.Equal("INC-2026-0002", (await chat.DeclareAsync(Alice, "second")).Id.ToString());
        chat.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal("INC-2027-0001", (await chat.DeclareAsync(Alice, "new year")).Id.ToString());
    }

    [Fact]
    public async Task A_command_in_the_thread_acts_on_that_incident_and_refreshes_the_root()
    {
        await using var chat = NewConversation();
        var first = await chat.DeclareAsync(Alice, "first");
        await chat.DeclareAsync(Alice, "second");

        var result = await chat.SayAsync(Bob, "cause a bad deploy of the router", thread: first.Place.Thread);

        Assert.Null(result.Error);
        var updated = (await chat.Store.FindAsync(first.Id, default))!;
        Assert.Equal("a bad deploy of the router", updated.RootCause);
        Assert.Equal(IncidentStatus.Identified, updated.Status);
        var update = chat.Chat.Posts.Last(p => p.Kind == PostKind.Update);
        Assert.Equal("m1", update.MessageId);
        Assert.Contains("identified", MessageText.Of(update.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_thread_or_id_the_channel_must_have_exactly_one_open_incident()
    {
        await using var chat = NewConversation();
        Assert.Equal(CommandErrorCode.NoIncidentHere, (await chat.SayAsync(Alice, "note hello")).Error!.Code);

        var only = await chat.DeclareAsync(Alice, "only one");
        Assert.Null((await chat.SayAsync(Alice, "note hello")).Error);

        await chat.DeclareAsync(Alice, "another");
        var ambiguous = (await chat.SayAsync(Alice, "note hello")).Error!;
        Assert.Equal(CommandErrorCode.AmbiguousIncident, ambiguous.Code);
        Assert.Contains("INC-2026-0001", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("INC-2026-0002", ambiguous.Message, StringComparison.Ordinal);

        Assert.Null((await chat.SayAsync(Alice, $"note {only.Id} named explicitly")).Error);
        Assert.Equal(CommandErrorCode.UnknownIncident, (await chat.SayAsync(Alice, "note INC-2026-0099 nope")).Error!.Code);
    }

    [Fact]
    public async Task Bad_input_is_answered_privately_and_changes_nothing()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "stable");
        var before = await chat.Store.TimelineAsync(incident.Id, default);
        var postsBefore = chat.Chat.Posts.Count;

        foreach (var bad in new[] { "frobnicate", "sev 9", "declare", "run no-such-runbook", "check no-such-check", "note INC-2026-0042 x", "lead nobody" })
        {
            var result = await chat.SayAsync(Alice, bad);
            Assert.NotNull(result.Error);
            Assert.All(result.Messages, m => Assert.Equal(Audience.Requester, m.Audience));
        }

        Assert.Equal(before, await chat.Store.TimelineAsync(incident.Id, default));
        Assert.Equal(incident, await chat.Store.FindAsync(incident.Id, default));
        Assert.All(chat.Chat.Posts.Skip(postsBefore), p => Assert.Equal(PostKind.Private, p.Kind));
    }

    [Fact]
    public async Task Unknown_runbook_lists_the_ones_there_are()
    {
        await using var chat = NewConversation();
        await chat.DeclareAsync(Alice, "x");
        var error = (await chat.SayAsync(Alice, "run gpu-melt")).Error!;
        Assert.Equal(CommandErrorCode.UnknownRunbook, error.Code);
        Assert.Contains("high-latency", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("run ", error.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Severity_policy_responders_declare_at_any_level_managers_and_their_commanders_change()
    {
        await using var chat = NewConversation();
        // Anyone declares at any severity now; a responder's SEV1 awaits a manager's confirmation (SeverityPolicyTests).
        Assert.Null((await chat.SayAsync(Alice, "declare sev1 everything down")).Error);
        Assert.Null((await chat.SayAsync(Manager, "declare sev1 everything down")).Error);
        var incident = await chat.DeclareAsync(Alice, "sev4 small thing");

        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Alice, $"sev {incident.Id} 3")).Error!.Code);
        // A manager's appointment: a commander an ordinary user appointed has no say over severity.
        Assert.Null((await chat.SayAsync(Manager, $"lead {incident.Id} <@{Bob}>")).Error);
        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Alice, $"lead {incident.Id} <@{Alice}>")).Error!.Code);
        Assert.Null((await chat.SayAsync(Bob, $"sev {incident.Id} 2 customers see errors")).Error);
        Assert.Null((await chat.SayAsync(Manager, $"sev {incident.Id} 1")).Error);

        var stored = (await chat.Store.FindAsync(incident.Id, default))!;
        Assert.Equal(Severity.Sev1, stored.Severity);
        Assert.Equal(Conversation.Person(Bob), stored.Commander);
        var changes = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.SeverityChanged).ToList();
        Assert.Equal(["SEV4", "SEV2"], changes.Select(c => c.Details["from"]));
        Assert.Equal("customers see errors", changes[0].Details["reason"]);
    }

    [Fact]
    public async Task Transitions_that_make_no_sense_are_refused_with_the_reason()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "x");
        Assert.Null((await chat.SayAsync(Alice, "mitigated")).Error);
        Assert.Contains("already mitigated", (await chat.SayAsync(Alice, "mitigated")).Error!.Message, StringComparison.Ordinal);
        Assert.Null((await chat.SayAsync(Alice, $"resolve {incident.Id} rolled back the router")).Error);
        var again = (await chat.SayAsync(Alice, $"resolve {incident.Id}")).Error!;
        Assert.Equal(CommandErrorCode.InvalidTransition, again.Code);
        Assert.Contains("already resolved", again.Message, StringComparison.Ordinal);
        Assert.Contains("already resolved", (await chat.SayAsync(Alice, $"mitigated {incident.Id}")).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("resolved", (await chat.SayAsync(Manager, $"sev {incident.Id} 1")).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Racing_writers_on_one_incident_lose_no_event()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "busy");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            chat.SayAsync(i % 2 == 0 ? Alice : Bob, i % 2 == 0 ? $"action {incident.Id} item {i}" : $"note {incident.Id} note {i}"))));

        var stored = (await chat.Store.FindAsync(incident.Id, default))!;
        Assert.Equal(20, stored.ActionItems.Count);
        var timeline = await chat.Store.TimelineAsync(incident.Id, default);
        Assert.Equal(20, timeline.Count(e => e.Kind == TimelineKind.ActionItemAdded));
        Assert.Equal(20, timeline.Count(e => e.Kind == TimelineKind.Note));
    }

    [Fact]
    public async Task Buttons_on_the_root_message_run_their_commands_as_the_clicker()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "x");
        var root = chat.Chat.Posts.First().Message;
        var mitigated = MessageText.Buttons(root).Single(b => b.Label == "Mitigated");
        Assert.Null((await chat.ClickAsync(Bob, mitigated)).Error);
        Assert.Equal(IncidentStatus.Mitigated, (await chat.Store.FindAsync(incident.Id, default))!.Status);
        var resolve = MessageText.Buttons(root).Single(b => b.Label == "Resolve");
        Assert.Equal(ButtonStyle.Danger, resolve.Style);
        Assert.NotNull(resolve.Confirm);
    }

    [Fact]
    public async Task Incidents_of_other_channels_are_reached_only_by_managers()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "private one");
        var elsewhere = new Core.Access.Actor(Conversation.Person(Bob));
        var dispatcher = chat.Get<CommandDispatcher>();
        var otherChannel = new CommandContext(elsewhere, new ChatPlace(RecordingChatSurface.DefaultPlatform, "C-OTHER"));

        Assert.Equal(CommandErrorCode.NotAllowed, (await dispatcher.DispatchAsync($"timeline {incident.Id}", otherChannel, default)).Error!.Code);
        Assert.Equal(CommandErrorCode.NotAllowed, (await dispatcher.DispatchAsync($"resolve {incident.Id}", otherChannel, default)).Error!.Code);
        Assert.DoesNotContain(incident.Id.ToString(), MessageText.Of((await dispatcher.DispatchAsync("list", otherChannel, default)).Messages.Single().Message), StringComparison.Ordinal);

        var manager = otherChannel with { Actor = new Core.Access.Actor(Conversation.Person(Manager)) };
        Assert.Null((await dispatcher.DispatchAsync($"timeline {incident.Id}", manager, default)).Error);
        Assert.Contains(incident.Id.ToString(), MessageText.Of((await dispatcher.DispatchAsync("list", manager, default)).Messages.Single().Message), StringComparison.Ordinal);
        Assert.True((await chat.Store.FindAsync(incident.Id, default))!.IsOpen);
    }

    [Fact]
    public async Task Racing_to_take_command_leaves_the_first_commander_in_place()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "race for command");
        var results = await Task.WhenAll(
            Task.Run(() => chat.SayAsync(Alice, $"lead {incident.Id} <@{Alice}>")),
            Task.Run(() => chat.SayAsync(Bob, $"lead {incident.Id} <@{Bob}>")));

        Assert.Single(results, r => r.Error is null);
        Assert.Equal(CommandErrorCode.NotAllowed, Assert.Single(results, r => r.Error is not null).Error!.Code);
        Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.CommanderSet);
    }

    [Fact]
    public async Task Action_items_are_marked_done_by_number()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "x");
        await chat.SayAsync(Alice, "action first");
        await chat.SayAsync(Alice, "action second <@U-CAROL>");
        Assert.Null((await chat.SayAsync(Alice, "done 2")).Error);
        Assert.Contains("already done", (await chat.SayAsync(Alice, "done 2")).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("there is no number 3", (await chat.SayAsync(Alice, "done 3")).Error!.Message, StringComparison.Ordinal);
        var items = (await chat.Store.FindAsync(incident.Id, default))!.ActionItems;
        Assert.Equal([false, true], items.Select(i => i.Done));
        Assert.Contains("2 | second", MessageText.Of((await chat.SayAsync(Alice, "status")).Messages.Single().Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_typed_into_chat_are_redacted_wherever_the_bot_posts_them()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "leak");
        const string Key = "sk-proj-4f8Qz1xY7mN2pL5vR8tW3kJ6hG9dS0aB";
        await chat.SayAsync(Alice, $"note the gateway logged OPENAI_API_KEY={Key}");
        await chat.SayAsync(Alice, "timeline");
        await chat.SayAsync(Alice, "postmortem");

        Assert.DoesNotContain(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains(Key, StringComparison.Ordinal));
        Assert.Contains(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains("REDACTED", StringComparison.Ordinal));
        // The timeline keeps what was said; only what leaves for chat is redacted.
        Assert.Contains(await chat.Store.TimelineAsync(incident.Id, default), e => e.Text.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_shows_the_last_five_events_and_counts_the_earlier_ones()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "long one");
        for (var i = 1; i <= 7; i++) await chat.SayAsync(Alice, $"note step {i}");

        var status = (await chat.SayAsync(Alice, "status")).Messages.Single().Message;
        var table = status.Blocks.OfType<TableBlock>().Last();
        Assert.Equal(["step 3", "step 4", "step 5", "step 6", "step 7"], table.Rows.Select(r => r[2]));
        Assert.Contains(status.Blocks, b => b is ContextBlock { Text: var text } && text == $"3 earlier events: timeline {incident.Id}");
    }

    [Fact]
    public async Task Help_is_generated_from_the_command_table()
    {
        await using var chat = NewConversation();
        var help = MessageText.Of((await chat.SayAsync(Alice, "help")).Messages.Single().Message);
        Assert.All(CommandTable.All, spec => Assert.Contains(spec.Usage, help, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_timeline_and_list_are_private_views()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync(Alice, "sev3 Latency up");
        await chat.SayAsync(Alice, "impact 3% of chat requests time out");
        foreach (var view in new[] { "status", "timeline", "list" })
        {
            var result = await chat.SayAsync(Bob, view);
            var message = Assert.Single(result.Messages);
            Assert.Equal(Audience.Requester, message.Audience);
            Assert.Contains(incident.Id.ToString(), MessageText.Of(message.Message), StringComparison.Ordinal);
        }
    }
}
