using System.Text.Json.Nodes;

namespace ChatOps.Slack.Wire;

// What travels over a Socket Mode WebSocket (https://docs.slack.dev/apis/events-api/using-socket-mode).

/// <summary>
/// Any frame Slack sends: <c>hello</c>, <c>disconnect</c> (with a <see cref="Reason"/>), or an envelope, which is the
/// one with an <see cref="EnvelopeId"/>. Slack sends <c>retry_attempt</c> 0 and an empty <c>retry_reason</c> on a first delivery.
/// </summary>
internal sealed record SocketModeFrame(
    string? Type = null,
    string? EnvelopeId = null,
    JsonObject? Payload = null,
    bool AcceptsResponsePayload = false,
    int? RetryAttempt = null,
    string? RetryReason = null,
    string? Reason = null,
    int? NumConnections = null);

/// <summary>The acknowledgement of one envelope; <see cref="Payload"/> only when the envelope accepts a response payload.</summary>
internal sealed record SocketModeAck(string EnvelopeId, JsonObject? Payload = null);
