using Microsoft.AspNetCore.Http;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// What Slack hears back for one delivery: over HTTP the response (status and JSON body), in Socket Mode the
/// acknowledgement and its payload.
/// </summary>
internal sealed record SlackAck(int Status, byte[]? Json = null)
{
    private const string JsonType = "application/json; charset=utf-8";

    public static SlackAck Ok { get; } = new(StatusCodes.Status200OK);

    public static SlackAck BadRequest { get; } = new(StatusCodes.Status400BadRequest);

    /// <summary>Not recorded: Slack retries an event it got no 2xx for, and Socket Mode leaves it unacknowledged.</summary>
    public static SlackAck Unavailable { get; } = new(StatusCodes.Status503ServiceUnavailable);

    // A body of known length is sent with a Content-Length in one write instead of chunk by chunk.
    public IResult ToResult() => Json is null ? Results.StatusCode(Status) : Results.Bytes(Json, JsonType);
}
