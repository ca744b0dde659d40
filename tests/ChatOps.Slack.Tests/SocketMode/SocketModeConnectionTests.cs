using System.Net.WebSockets;
using ChatOps.Slack.SocketMode;
using ChatOps.TestKit;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>The life of Socket Mode connections: refreshes Slack asks for, drops, refusals, and shutdown.</summary>
public sealed class SocketModeConnectionTests
{
    [Fact]
    public async Task After_a_refresh_request_the_new_socket_takes_over_before_the_old_one_is_closed_and_nothing_is_lost_or_doubled()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var old = await harness.NextConnectionAsync();
        await old.SendEnvelopeAsync("env-1", "events_api", SocketModePayloads.AppMention("Ev0000001", "note one"), acceptsResponsePayload: false);
        Assert.Equal("env-1", (string)(await old.NextAckAsync(harness.Timeout))["envelope_id"]!);

        using (harness.Server.HoldOpens())
        {
            await old.SendDisconnectAsync("refresh_requested");
            // Until the fresh socket is up, the old one still serves.
            await old.SendEnvelopeAsync("env-2", "events_api", SocketModePayloads.AppMention("Ev0000002", "note two"), acceptsResponsePayload: false);
            Assert.Equal("env-2", (string)(await old.NextAckAsync(harness.Timeout))["envelope_id"]!);
        }
        var fresh = await harness.NextConnectionAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await old.Closed.WaitAsync(harness.Timeout));
        await fresh.SendEnvelopeAsync("env-3", "events_api", SocketModePayloads.AppMention("Ev0000003", "note three"), acceptsResponsePayload: false);
        await fresh.SendEnvelopeAsync("env-4", "slash_commands", SocketModePayloads.SlashCommand("status"), acceptsResponsePayload: true);
        var acks = new[] { await fresh.NextAckAsync(harness.Timeout), await fresh.NextAckAsync(harness.Timeout) };

        Assert.Equal(["env-3", "env-4"], acks.Select(a => (string)a["envelope_id"]!).Order());
        Assert.Equal(["env-1", "env-2", "env-3", "env-4"], harness.Handler.Received.Select(e => e.EnvelopeId).Order());
        Assert.Equal(2, harness.Server.OpenCalls);
        var events = harness.Server.Events.ToList();
        Assert.True(events.IndexOf("connect 2") < events.IndexOf("closed 1"), string.Join(", ", events));
        Assert.Empty(old.PendingAcks());
    }

    [Fact]
    public async Task After_an_abrupt_drop_the_worker_backs_off_then_reconnects_with_a_fresh_url_and_carries_on()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var first = await harness.NextConnectionAsync();
        await first.SendEnvelopeAsync("env-1", "interactive", SocketModePayloads.BlockActions("incident.status-0", "status INC-1"), acceptsResponsePayload: false);
        Assert.Equal("env-1", (string)(await first.NextAckAsync(harness.Timeout))["envelope_id"]!);

        first.Drop();
        Assert.Null(await first.Closed.WaitAsync(harness.Timeout));
        var wait = await harness.NextBackoffAsync();
        Assert.Equal(1, harness.Server.OpenCalls); // it waits before asking for a new URL
        harness.Time.Advance(wait);

        var second = await harness.NextConnectionAsync();
        await second.SendEnvelopeAsync("env-2", "events_api", SocketModePayloads.AppMention("Ev0000002", "status"), acceptsResponsePayload: false);
        Assert.Equal("env-2", (string)(await second.NextAckAsync(harness.Timeout))["envelope_id"]!);
        Assert.Equal(2, harness.Server.OpenCalls);
        Assert.DoesNotContain("reused URL", harness.Server.Events);
        Assert.Equal(["env-1", "env-2"], harness.Handler.Received.Select(e => e.EnvelopeId));
    }

    [Fact]
    public async Task The_backoff_grows_while_connections_die_young_and_starts_over_after_a_healthy_one()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        (await harness.NextConnectionAsync()).Drop();
        harness.Time.Advance(await harness.NextBackoffAsync(failures: 0));
        (await harness.NextConnectionAsync()).Drop();
        harness.Time.Advance(await harness.NextBackoffAsync(failures: 1));

        var healthy = await harness.NextConnectionAsync();
        // An acked envelope shows the worker is past hello, so moving the clock cannot time out its wait for it.
        await healthy.SendEnvelopeAsync("env-1", "events_api", SocketModePayloads.AppMention("Ev0000001", "status"), acceptsResponsePayload: false);
        await healthy.NextAckAsync(harness.Timeout);
        harness.Time.Advance(ReconnectBackoff.HealthyAfter);
        healthy.Drop();
        harness.Time.Advance(await harness.NextBackoffAsync(failures: 0));
        await harness.NextConnectionAsync();
        Assert.Equal(4, harness.Server.OpenCalls);
    }

    [Fact]
    public async Task A_refused_apps_connections_open_is_retried_after_a_backoff()
    {
        await using var harness = await SocketModeHarness.StartAsync(prepare: server => server.FailNextOpen("internal_error"));

        var wait = await harness.NextBackoffAsync();
        Assert.Equal(["refused"], harness.Server.Events);
        harness.Time.Advance(wait);
        var socket = await harness.NextConnectionAsync();
        await socket.SendEnvelopeAsync("env-1", "slash_commands", SocketModePayloads.SlashCommand("help"), acceptsResponsePayload: true);

        Assert.Equal("env-1", (string)(await socket.NextAckAsync(harness.Timeout))["envelope_id"]!);
        Assert.Equal(["refused", "open", "connect 1"], harness.Server.Events);
    }

    [Fact]
    public async Task Link_disabled_closes_the_connection_and_stops_reconnecting()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var socket = await harness.NextConnectionAsync();

        await socket.SendDisconnectAsync("link_disabled");

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await socket.Closed.WaitAsync(harness.Timeout));
        await harness.Worker.ExecuteTask!.WaitAsync(harness.Timeout);
        Assert.Equal(1, harness.Server.OpenCalls);
    }

    [Fact]
    public async Task Several_connections_each_ack_on_their_own_socket_and_close_cleanly_on_stop()
    {
        await using var harness = await SocketModeHarness.StartAsync(connections: 2);
        var sockets = new[] { await harness.NextConnectionAsync(), await harness.NextConnectionAsync() };
        foreach (var socket in sockets)
            await socket.SendEnvelopeAsync($"env-{socket.Number}", "events_api", SocketModePayloads.AppMention($"Ev000000{socket.Number}", "status"), acceptsResponsePayload: false);
        foreach (var socket in sockets)
            Assert.Equal($"env-{socket.Number}", (string)(await socket.NextAckAsync(harness.Timeout))["envelope_id"]!);

        await harness.Worker.StopAsync(harness.Timeout);

        foreach (var socket in sockets)
            Assert.Equal(WebSocketCloseStatus.NormalClosure, await socket.Closed.WaitAsync(harness.Timeout));
        Assert.Equal(2, harness.Server.OpenCalls);
    }
}
