using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// The host on Slack's Socket Mode, against a fake that speaks its protocol: commands, clicks and mentions reach the
/// same inbound pipeline as over HTTP, each acknowledged by its envelope id, and a refresh or a dropped socket loses
/// and repeats nothing.
/// </summary>
public sealed class SocketModeFlowTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FakeSocketModeServer _slack = null!;
    private SocketModeHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSocketModeServer.StartAsync();
        _host = new SocketModeHost(_slack.ApiUrl);
        _ = _host.Services; // starts the host, and with it the Socket Mode worker
    }

    [Fact]
    public async Task Commands_clicks_and_mentions_arrive_through_refreshes_and_drops_once_each()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var token = timeout.Token;
        var first = await _slack.NextConnectionAsync(token);

        // A quick read is answered in the acknowledgement itself, as the HTTP response would carry it.
        await first.SendEnvelopeAsync("E-help", "slash_commands", SocketModePayloads.SlashCommand("help"), acceptsResponsePayload: true);
        var helpAck = await first.NextAckAsync(token);
        Assert.Equal("E-help", (string?)helpAck["envelope_id"]);
        Assert.Contains("declare", helpAck["payload"]!.ToJsonString(), StringComparison.Ordinal);

        await first.SendEnvelopeAsync("E-declare", "slash_commands", SocketModePayloads.SlashCommand("declare sev3 Socket mode outage"), acceptsResponsePayload: true);
        var declareAck = await first.NextAckAsync(token);
        Assert.Equal("E-declare", (string?)declareAck["envelope_id"]);
        Assert.Null(declareAck["payload"]);
        var root = await _slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Body.Contains("Socket mode outage", StringComparison.Ordinal), token);
        var incident = await WaitForIncidentAsync(token);
        var thread = incident.Place.Thread!;
        Assert.DoesNotContain("thread_ts", root.Body, StringComparison.Ordinal);

        // Slack refreshes the link: the next envelope comes over the new socket.
        await first.SendDisconnectAsync("refresh_requested");
        var second = await _slack.NextConnectionAsync(token);
        await second.SendEnvelopeAsync("E-note", "events_api", Mention("Ev-note", "note first after the refresh", thread), acceptsResponsePayload: false);
        Assert.Equal("E-note", (string?)(await second.NextAckAsync(token))["envelope_id"]);

        // The socket drops: Slack delivers the same envelope again on the next one, and a click after it.
        second.Drop();
        var third = await _slack.NextConnectionAsync(token);
        await third.SendEnvelopeAsync("E-note", "events_api", Mention("Ev-note", "note first after the refresh", thread), acceptsResponsePayload: false,
            retryAttempt: 1, retryReason: "timeout");
        Assert.Equal("E-note", (string?)(await third.NextAckAsync(token))["envelope_id"]);
        await third.SendEnvelopeAsync("E-click", "interactive", Click(thread, $"mitigated {incident.Id}"), acceptsResponsePayload: false);
        Assert.Equal("E-click", (string?)(await third.NextAckAsync(token))["envelope_id"]);

        await _slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Body.Contains("is mitigated", StringComparison.Ordinal), token);
        var timeline = await _host.Services.GetRequiredService<IIncidentStore>().TimelineAsync(incident.Id, token);
        Assert.Single(timeline, e => e.Kind == TimelineKind.Note && e.Text.Contains("first after the refresh", StringComparison.Ordinal));
        Assert.Single(timeline, e => e.Kind == TimelineKind.StatusChanged);
        Assert.All(timeline, e => Assert.Equal(new Core.Access.PersonId("slack", SocketModePayloads.User), e.Actor));
    }

    private async Task<Incident> WaitForIncidentAsync(CancellationToken token)
    {
        var store = _host.Services.GetRequiredService<IIncidentStore>();
        // The thread is attached once the root message is posted; the post was seen, so this settles at once.
        while (true)
        {
            var open = await store.ListOpenAsync(new ChatPlace("slack", SocketModePayloads.Channel), token);
            if (open is [{ Place.Thread: not null } incident]) return incident;
            await _slack.WaitForCallAsync(_ => true, token);
            await Task.Yield();
        }
    }

    private static JsonObject Mention(string eventId, string text, string thread)
    {
        var payload = SocketModePayloads.AppMention(eventId, text);
        payload["event"]!["thread_ts"] = thread;
        payload["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = SocketModePayloads.BotUser, ["is_bot"] = true });
        return payload;
    }

    private static JsonObject Click(string thread, string command)
    {
        var payload = SocketModePayloads.BlockActions("incident.command", command);
        payload["container"]!["message_ts"] = thread;
        payload["message"]!["ts"] = thread;
        return payload;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    private sealed class SocketModeHost(Uri api) : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("chatops-socket-mode-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Real Slack tokens: the local workspace, on by default in Development, must be off beside them.
            builder.UseSetting("LocalWorkspace:Enabled", "false");
            builder.UseSetting("SLACK_APP_TOKEN", FakeSocketModeServer.AppToken);
            builder.UseSetting("SLACK_BOT_TOKEN", "xoxb-socket-mode-test");
            builder.UseSetting("SLACK_SIGNING_SECRET", "unused-over-a-socket");
            builder.UseSetting("SLACK_API_URL", api.ToString());
            builder.UseSetting("Slack:PostInterval", "00:00:00");
            builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "chatops.db"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
