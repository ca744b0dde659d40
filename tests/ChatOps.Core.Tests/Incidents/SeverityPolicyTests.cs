using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Incidents;

/// <summary>Severity never slows a responder down: anyone declares at any severity, and a manager confirms a SEV1 or SEV2 afterwards.</summary>
public sealed class SeverityPolicyTests
{
    private const string Alice = "U-ALICE";
    private const string Bob = "U-BOB";
    private const string Carol = "U-CAROL";
    private const string Manager = "U-MANAGER";
    private const string Deputy = "U-DEPUTY";
    private const string Awaits = "awaits a manager's confirmation";

    [Fact]
    public async Task A_responders_SEV1_is_declared_as_asked_and_awaits_a_manager_whom_it_mentions()
    {
        // A manager of another platform cannot be mentioned here, so the card leaves them out.
        await using var chat = new Conversation(managers: [Manager, Deputy, "teams:aad-object-1"]);
        var incident = await chat.DeclareAsync(Alice, "sev1 everything down");

        Assert.Equal(Severity.Sev1, incident.Severity);
        var card = MessageText.Of(chat.Chat.Posts.First().Message);
        Assert.Contains($"SEV1 {Awaits}", card, StringComparison.Ordinal);
        Assert.Contains($"<@{Manager}>", card, StringComparison.Ordinal);
        Assert.Contains($"<@{Deputy}>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("aad-object-1", card, StringComparison.Ordinal);
        Assert.Contains(Awaits, Assert.Single(await chat.Store.TimelineAsync(incident.Id, default)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managers_sev_confirms_it_even_at_the_same_level()
    {
        await using var chat = new Conversation(managers: [Manager]);
        var incident = await chat.DeclareAsync(Alice, "sev2 errors climbing");
        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Alice, "sev 2")).Error!.Code);

        Assert.Null((await chat.SayAsync(Manager, "sev 2")).Error);

        var stored = (await chat.Store.FindAsync(incident.Id, default))!;
        Assert.Equal(Severity.Sev2, stored.Severity);
        var card = MessageText.Of(chat.Chat.Posts.Last(p => p.Kind == PostKind.Update && p.MessageId == incident.Place.Thread).Message);
        Assert.DoesNotContain(Awaits, card, StringComparison.Ordinal);
        var confirmed = Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.SeverityConfirmed);
        Assert.Equal($"SEV2 confirmed by {Core.Messages.Mention.Of(Conversation.Person(Manager))}", confirmed.Text);
        Assert.Contains("already SEV2", (await chat.SayAsync(Manager, "sev 2")).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managers_own_SEV1_needs_no_confirmation_and_a_SEV3_never_does()
    {
        await using var chat = new Conversation(managers: [Manager]);
        await chat.DeclareAsync(Manager, "sev1 region down");
        await chat.DeclareAsync(Alice, "sev3 slow embeddings");
        Assert.All(chat.Chat.Posts.Where(p => p.Place.Thread is null), p => Assert.DoesNotContain(Awaits, MessageText.Of(p.Message), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_manager_named_the_card_asks_for_a_manager()
    {
        await using var chat = new Conversation();
        await chat.DeclareAsync(Alice, "sev2 quality regression");
        var card = MessageText.Of(chat.Chat.Posts.First().Message);
        Assert.Contains($"SEV2 {Awaits}: a manager confirms it with sev 2.", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Severity_changes_need_a_manager_or_a_commander_a_manager_appointed()
    {
        await using var chat = new Conversation(managers: [Manager]);
        await chat.DeclareAsync(Alice, "sev4 small thing");
        Assert.Null((await chat.SayAsync(Alice, "lead <@U-BOB>")).Error);
        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Bob, "sev 3")).Error!.Code);

        Assert.Null((await chat.SayAsync(Manager, "lead <@U-CAROL>")).Error);
        Assert.Null((await chat.SayAsync(Carol, "sev 2 customers see errors")).Error);

        // Carol's own appointment of Bob comes from a commander, not from a manager.
        Assert.Null((await chat.SayAsync(Carol, "lead <@U-BOB>")).Error);
        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Bob, "sev 1")).Error!.Code);
        Assert.Equal(Severity.Sev2, (await chat.Store.ListOpenAsync(null, default)).Single().Severity);
    }
}
