namespace ChatOps.Slack.Outbound;

/// <summary>A Web API call that Slack refused (<c>{"ok":false,"error":"…"}</c>) or that failed after every retry.</summary>
internal sealed class SlackApiException(string method, string error, string? needed = null)
    : Core.Chat.ChatSurfaceException(needed is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} (needs scope {needed})")
{
    public string Method { get; } = method;

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>ratelimited</c>, or <c>http_503</c>.</summary>
    public string Error { get; } = error;

    public string? Needed { get; } = needed;
}
