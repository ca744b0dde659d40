namespace ChatOps.Slack.SocketMode;

/// <summary>A Socket Mode connection that broke the protocol: no <c>hello</c> in time, or a message too large to take.</summary>
internal sealed class SocketModeException(string message) : Exception(message);
