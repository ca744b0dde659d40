using System.Text.Json.Nodes;
using ChatOps.Slack.SocketMode;
using ChatOps.TestKit;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>Envelopes over a Socket Mode socket: each reaches the handler and is acknowledged on the same socket by its id.</summary>
public sealed class SocketModeEnvelopeTests
{
    [Fact]
    public async Task Each_kind_of_envelope_reaches_the_handler_and_is_acked_with_a_payload_only_where_one_is_accepted()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var reply = new JsonObject { ["text"] = "No open incidents.", ["response_type"] = "ephemeral" };
        harness.Handler.Respond = envelope => Task.FromResult(envelope.Type switch
        {
            SocketModeEnvelope.SlashCommands => reply.DeepClone().AsObject(),
            // Answers a payload the envelope does not accept: it must not reach Slack.
            SocketModeEnvelope.Interactive => new JsonObject { ["text"] = "not wanted" },
            _ => null,
        });
        var socket = await harness.NextConnectionAsync();

        var command = SocketModePayloads.SlashCommand("list");
        var click = SocketModePayloads.BlockActions("incident.status-0", "status INC-1");
        var mention = SocketModePayloads.AppMention("Ev0MENTION1", "note restarted the gateway");
        // The slash command arrives in three frames, as a long message may.
        await socket.SendEnvelopeAsync("env-command", "slash_commands", command.DeepClone().AsObject(), acceptsResponsePayload: true, frames: 3);
        await socket.SendEnvelopeAsync("env-click", "interactive", click.DeepClone().AsObject(), acceptsResponsePayload: false);
        await socket.SendEnvelopeAsync("env-mention", "events_api", mention.DeepClone().AsObject(), acceptsResponsePayload: false);

        var acks = new Dictionary<string, JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            var ack = await socket.NextAckAsync(harness.Timeout);
            acks.Add((string)ack["envelope_id"]!, ack);
        }
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["envelope_id"] = "env-command", ["payload"] = reply.DeepClone() }, acks["env-command"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["envelope_id"] = "env-click" }, acks["env-click"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["envelope_id"] = "env-mention" }, acks["env-mention"]));

        var received = harness.Handler.Received.ToDictionary(e => e.EnvelopeId);
        Assert.Equal(3, received.Count);
        AssertEnvelope(received["env-command"], SocketModeEnvelope.SlashCommands, command, accepts: true);
        AssertEnvelope(received["env-click"], SocketModeEnvelope.Interactive, click, accepts: false);
        AssertEnvelope(received["env-mention"], SocketModeEnvelope.EventsApi, mention, accepts: false);
        Assert.Empty(socket.PendingAcks());
    }

    [Fact]
    public async Task A_handler_still_busy_at_the_deadline_is_acked_in_time_without_its_payload()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        var slow = new TaskCompletionSource<JsonObject?>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Respond = envelope => envelope.EnvelopeId == "env-slow" ? slow.Task : Task.FromResult<JsonObject?>(null);
        var socket = await harness.NextConnectionAsync();

        await socket.SendEnvelopeAsync("env-slow", "slash_commands", SocketModePayloads.SlashCommand("status"), acceptsResponsePayload: true);
        var deadline = await harness.Time.NextTimerAsync(d => d == EnvelopeDispatcher.AckDeadline, harness.Timeout);
        harness.Time.Advance(deadline);
        var ack = await socket.NextAckAsync(harness.Timeout);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["envelope_id"] = "env-slow" }, ack));

        // The late answer goes nowhere: the next ack on the socket is the next envelope's.
        slow.SetResult(new JsonObject { ["text"] = "too late", ["response_type"] = "ephemeral" });
        await socket.SendEnvelopeAsync("env-next", "events_api", SocketModePayloads.AppMention("Ev0NEXT0001", "status"), acceptsResponsePayload: false);
        Assert.Equal("env-next", (string)(await socket.NextAckAsync(harness.Timeout))["envelope_id"]!);
        Assert.Empty(socket.PendingAcks());
    }

    [Fact]
    public async Task A_failed_envelope_is_not_acked_and_its_redelivery_reaches_the_handler_with_its_retry_attempt()
    {
        await using var harness = await SocketModeHarness.StartAsync();
        harness.Handler.Respond = envelope => envelope.RetryAttempt == 0 && envelope.EnvelopeId == "env-flaky"
            ? throw new InvalidOperationException("the store is down (scripted)")
            : Task.FromResult<JsonObject?>(null);
        var socket = await harness.NextConnectionAsync();
        var mention = SocketModePayloads.AppMention("Ev0FLAKY001", "note database failover");

        await socket.SendEnvelopeAsync("env-flaky", "events_api", mention.DeepClone().AsObject(), acceptsResponsePayload: false);
        var first = await harness.Handler.NextAsync(harness.Timeout);
        // Slack redelivers what was not acked; de-duplicating by event_id is the pipeline's job, not the transport's.
        await socket.SendEnvelopeAsync("env-flaky", "events_api", mention.DeepClone().AsObject(), acceptsResponsePayload: false,
            retryAttempt: 1, retryReason: "timeout");
        var second = await harness.Handler.NextAsync(harness.Timeout);
        await socket.SendEnvelopeAsync("env-after", "events_api", SocketModePayloads.AppMention("Ev0AFTER001", "status"), acceptsResponsePayload: false);

        Assert.Equal((0, (string?)null), (first.RetryAttempt, first.RetryReason));
        Assert.Equal((1, "timeout"), (second.RetryAttempt, second.RetryReason));
        Assert.True(JsonNode.DeepEquals(mention, second.Payload));
        // One ack for the redelivery, none for the failed first delivery.
        var acks = new[] { await socket.NextAckAsync(harness.Timeout), await socket.NextAckAsync(harness.Timeout) };
        Assert.Equal(["env-after", "env-flaky"], acks.Select(a => (string)a["envelope_id"]!).Order());
        Assert.Empty(socket.PendingAcks());
    }

    private static void AssertEnvelope(SocketModeEnvelope envelope, string type, JsonObject payload, bool accepts)
    {
        Assert.Equal(type, envelope.Type);
        Assert.Equal(accepts, envelope.AcceptsResponsePayload);
        Assert.Equal(0, envelope.RetryAttempt);
        Assert.Null(envelope.RetryReason);
        Assert.True(JsonNode.DeepEquals(payload, envelope.Payload), $"{type} payload differs: {envelope.Payload.ToJsonString()}");
    }
}
