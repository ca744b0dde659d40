namespace ChatOps.Slack.Wire;

/// <summary>Every Web API answer: <c>{"ok":true,...}</c> or <c>{"ok":false,"error":"code"}</c>.</summary>
internal record SlackResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Needed { get; init; }
}

/// <summary>auth.test: whose token it is (https://docs.slack.dev/reference/methods/auth.test).</summary>
internal sealed record AuthTestResponse : SlackResponse
{
    public string? Team { get; init; }
    public string? UserId { get; init; }
}

internal sealed record PostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}

internal sealed record PostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; init; }
}

internal sealed record OpenViewResponse : SlackResponse
{
    public ViewRef? View { get; init; }
}

internal sealed record ViewRef(string Id);

internal sealed record UserInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}

internal sealed record SlackUser(string Id, string? Name = null, string? RealName = null, bool IsBot = false, SlackUserProfile? Profile = null);

internal sealed record SlackUserProfile(string? DisplayName = null, string? RealName = null);

internal sealed record UserGroupUsersResponse : SlackResponse
{
    public IReadOnlyList<string>? Users { get; init; }
}

internal sealed record UploadUrlResponse : SlackResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}

/// <summary>The answer of <c>apps.connections.open</c>: a single-use WebSocket URL for Socket Mode.</summary>
internal sealed record ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}
