using System.Text.Json.Nodes;

namespace ChatOps.Slack.SocketMode;

/// <summary>Takes a Socket Mode envelope into the bot's inbound pipeline, the one the HTTP endpoints feed.</summary>
internal interface ISocketModeEnvelopeHandler
{
    /// <summary>
    /// Returns the response payload for the acknowledgement (a slash command's reply, a view_submission's
    /// <c>response_action</c>) or null. It is sent only when the envelope accepts one, and only if it is ready in about
    /// 2.5 s: Slack wants the acknowledgement within 3 s, so a slower handler is acknowledged without it. A handler that
    /// throws leaves the envelope unacknowledged, so that Slack delivers it again with a higher retry attempt. The token
    /// is cancelled once the host has stopped and the sockets are closed.
    /// </summary>
    Task<JsonObject?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken);
}
