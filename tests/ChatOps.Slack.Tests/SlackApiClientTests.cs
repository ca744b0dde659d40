using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.Slack.Tests;

/// <summary>The Web API client and the chat surface against the local workspace, through the real HTTP pipeline.</summary>
public sealed class SlackApiClientTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _services = SlackServices.Build();
    private readonly ChatPlace _channel = new("slack", "C0CLIENT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());

    private IChatSurface Surface => _services.GetRequiredService<SlackChatSurface>();

    private Workspace Workspace => _services.Workspace();

    [Fact]
    public async Task Ok_false_becomes_a_typed_error()
    {
        Workspace.FailNext("chat.postMessage", "not_in_channel");
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Surface.PostAsync(_channel, ChatMessage.Plain("hello"), CancellationToken.None));
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Equal("not_in_channel", error.Error);
        Assert.DoesNotContain(Workspace.Messages, m => m.Channel == _channel.Channel);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_post_still_lands()
    {
        using var counted = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), "ChatOps", "chatops.chat.calls");
        Workspace.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var posted = await Surface.PostAsync(_channel, ChatMessage.Plain("after the limit"), CancellationToken.None);
        var calls = Workspace.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == _channel.Channel).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.Equal("after the limit", Assert.Single(Workspace.Messages, m => m.Ts == posted.MessageId).Text);
        // Each attempt is counted, the one the retry waited out included.
        Assert.Equal([("slack", "chat.postMessage", "429"), ("slack", "chat.postMessage", "200")],
            counted.GetMeasurementSnapshot().Select(m => ((string?)m.Tags["platform"], (string?)m.Tags["method"], (string?)m.Tags["status"])));
    }

    [Fact]
    public async Task Posts_keep_their_order_in_a_thread_while_one_waits_out_a_429()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("root"), CancellationToken.None);
        var thread = _channel with { Thread = root.MessageId };
        Workspace.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var first = Surface.PostAsync(thread, ChatMessage.Plain("first"), CancellationToken.None);
        // The second post is made only once the first has been told to wait: it must not overtake it.
        using var timeout = new CancellationTokenSource(Patience);
        await Workspace.WaitUntilAsync(w => w.Calls.Any(c => c.Status == 429 && (string?)c.Args["channel"] == _channel.Channel), timeout.Token);
        var second = Surface.PostAsync(thread, ChatMessage.Plain("second"), CancellationToken.None);
        var third = Surface.PostAsync(thread, ChatMessage.Plain("third"), CancellationToken.None);
        await Task.WhenAll(first, second, third);
        Assert.Equal(["first", "second", "third"], Workspace.Messages.Where(m => m.ThreadTs == root.MessageId).Select(m => m.Text));
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        Workspace.ServerErrorNext("chat.postMessage", 503);
        await Surface.PostAsync(_channel, ChatMessage.Plain("after a 503"), CancellationToken.None);
        Assert.Equal([503, 200], Workspace.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Args["channel"] == _channel.Channel).Select(c => c.Status));
    }

    [Fact]
    public async Task Update_replaces_the_root_and_ephemeral_is_seen_by_one_user()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("v1"), CancellationToken.None);
        await Surface.UpdateAsync(root, ChatMessage.Plain("v2"), CancellationToken.None);
        await Surface.PostPrivateAsync(_channel with { Thread = root.MessageId }, P("U0BOB00001"), ChatMessage.Plain("just you"), CancellationToken.None);
        var updated = Assert.Single(Workspace.Messages, m => m.Ts == root.MessageId);
        Assert.True(updated.Edited);
        Assert.Equal("v2", updated.Text);
        var ephemeral = Assert.Single(Workspace.Messages, m => m.Channel == _channel.Channel && m.VisibleTo is not null);
        Assert.Equal("U0BOB00001", ephemeral.VisibleTo);
        Assert.Equal(root.MessageId, ephemeral.ThreadTs);
    }

    [Fact]
    public async Task An_attachment_is_uploaded_in_three_steps_into_the_thread()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("root"), CancellationToken.None);
        await Surface.PostAsync(_channel with { Thread = root.MessageId },
            new ChatMessage("pm", [new TextBlock("Postmortem"), new AttachmentBlock("INC-2026-0001-postmortem.md", "Incident Report", "# Incident Report\n")]),
            CancellationToken.None);
        Assert.Equal(["files.getUploadURLExternal", "files.upload", "files.completeUploadExternal"],
            Workspace.Calls.Select(c => c.Method).Where(m => m.StartsWith("files.", StringComparison.Ordinal)).TakeLast(3));
        var shared = Assert.Single(Workspace.Messages, m => m.Files is { Count: 1 } && m.Channel == _channel.Channel);
        Assert.Equal(root.MessageId, shared.ThreadTs);
        Assert.Equal("# Incident Report\n", Workspace.File(shared.Files![0].Id)!.Content);
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_and_json_bodies()
    {
        var client = _services.GetRequiredService<SlackApiClient>();
        await client.PostMessageAsync(new PostMessageRequest(_channel.Channel, "t", [new SlackDividerBlock()]), CancellationToken.None);
        var call = Workspace.Calls.Last(c => c.Method == "chat.postMessage");
        Assert.Equal("divider", (string?)call.Args["blocks"]![0]!["type"]);
        Assert.False((bool?)call.Args["unfurl_links"]);
        var answer = new LocalWebApi(Workspace).Handle("chat.postMessage", "application/json", "{}"u8.ToArray(), "Bearer wrong", new Uri("http://x/local/api/chat.postMessage"));
        Assert.Equal("invalid_auth", (string?)JsonNode.Parse(answer.Body)!["error"]);
    }

    public void Dispose() => _services.Dispose();
}
