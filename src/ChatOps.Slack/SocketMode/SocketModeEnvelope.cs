using System.Text.Json.Nodes;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// One delivery over Socket Mode. <see cref="Payload"/> is exactly the body Slack would have posted over HTTP: an
/// <c>event_callback</c> (<see cref="EventsApi"/>), the slash command's form fields as a JSON object
/// (<see cref="SlashCommands"/>) or an interaction payload (<see cref="Interactive"/>). <see cref="RetryAttempt"/> and
/// <see cref="RetryReason"/> are what HTTP carries as <c>X-Slack-Retry-Num</c> and <c>X-Slack-Retry-Reason</c>: 0 and
/// null on a first delivery.
/// </summary>
internal sealed record SocketModeEnvelope(
    string EnvelopeId,
    string Type,
    JsonObject Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt = 0,
    string? RetryReason = null)
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
}
