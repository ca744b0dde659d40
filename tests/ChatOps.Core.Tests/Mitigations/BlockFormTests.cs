using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>A block needs its subject: the button asks for it in a form that offers what the runbook's checks found.</summary>
public sealed class BlockFormTests
{
    private const string Alice = "U-ALICE";

    private static async Task<(Conversation Chat, FakeMitigationExecutor Block, Incident Incident)> StartAsync()
    {
        var block = new FakeMitigationExecutor("block", "not blocked");
        // Traffic three times last week's, spend under budget: the tree recommends blocking abusers.
        var chat = new Conversation(executors: [
                new ScriptedCheckExecutor("prometheus").Answer("traffic-vs-last-week", 3),
                new ScriptedCheckExecutor("postgres").Answer("spend-vs-budget", 0.5)
                    .AnswerTable("top-users", ["user_id", "requests", "cost_usd"], ["mallory", "900", "700"], ["203.0.113.7", "40", "150"], ["bad user*", "1", "1"], ["mallory", "1", "1"]),
                new ScriptedCheckExecutor("redis")],
            approvers: ["U-APPROVER"], configure: services => services.Add(new(typeof(IMitigationExecutor), block)));
        return (chat, block, await chat.DeclareAsync(Alice, "sev3 spend spike"));
    }

    [Fact]
    public async Task The_block_button_asks_whom_to_block_offering_the_users_the_checks_found()
    {
        var (chat, _, incident) = await StartAsync();
        await using var _ = chat;
        await chat.SayAsync(Alice, "run cost-spike");

        var button = chat.Chat.Posts.Where(p => p.Kind == PostKind.Message).SelectMany(p => MessageText.Buttons(p.Message))
            .Single(b => b.Label == "Request: Block suspicious users");

        Assert.Equal(ButtonActions.Form, button.ActionId);
        var form = button.Form!;
        Assert.Equal($"mitigate {incident.Id} cost-spike/block-suspicious-users", form.Command);
        var field = Assert.Single(form.Fields);
        // What top-users found, once each, and only what could be blocked.
        Assert.Equal(["mallory", "203.0.113.7"], field.Choices);

        Assert.Null((await chat.SubmitFormAsync(Alice, button, "mallory")).Error);
        var request = Assert.Single(await chat.Requests.ListAsync(incident.Id, default));
        Assert.Equal(("mallory", RequestStatus.Pending), (request.Subject, request.Status));
        Assert.Contains("Subject: mallory", MessageText.Of(chat.Chat.Posts.Last(p => p.Kind == PostKind.Message).Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_the_subject_keeps_working_and_a_bad_one_is_refused_before_anything_is_read()
    {
        var (chat, _, incident) = await StartAsync();
        await using var _ = chat;

        Assert.Null((await chat.SayAsync(Alice, "mitigate cost-spike/block-suspicious-users 2001:DB8:0:0:0:0:0:1")).Error);
        Assert.Equal("2001:db8::1", Assert.Single(await chat.Requests.ListAsync(incident.Id, default)).Subject);

        var refused = await chat.SayAsync(Alice, "mitigate cost-spike/block-suspicious-users user*");
        Assert.Equal(CommandErrorCode.BadSubject, refused.Error!.Code);
        Assert.Equal("'user*' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)", refused.Error.Message);
        Assert.Single(await chat.Requests.ListAsync(incident.Id, default));
    }

    [Fact]
    public async Task Typing_it_without_a_subject_answers_with_the_form()
    {
        var (chat, _, incident) = await StartAsync();
        await using var _ = chat;

        var result = await chat.SayAsync(Alice, "mitigate cost-spike/block-suspicious-users");

        Assert.Equal(CommandErrorCode.MissingArgument, result.Error!.Code);
        var button = Assert.Single(MessageText.Buttons(Assert.Single(result.Messages).Message));
        Assert.Equal($"mitigate {incident.Id} cost-spike/block-suspicious-users", button.Form!.Command);
        // Nothing has run yet, so there is nothing to offer: the form asks for a typed user or IP.
        Assert.Empty(button.Form.Fields.Single().Choices);
    }
}
