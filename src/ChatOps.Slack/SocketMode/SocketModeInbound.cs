using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Inbound;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Socket Mode's door into the same inbound path as HTTP: the envelope's payload is exactly what Slack would have
/// posted, so it goes to the endpoint that would have taken it, after the signature check that a socket opened with
/// the app-level token does not need.
/// </summary>
internal sealed partial class SocketModeInbound(
    SlashCommandEndpoint commands,
    InteractionEndpoint interactions,
    EventEndpoint events,
    ILogger<SocketModeInbound> logger) : ISocketModeEnvelopeHandler
{
    /// <summary>The endpoint Socket Mode's deliveries are counted under: they have no route of their own.</summary>
    public const string Endpoint = "slack-socket-mode";

    public async Task<JsonObject?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        using var door = InboundEndpoint.Enter(Endpoint);
        var ack = envelope.Type switch
        {
            SocketModeEnvelope.SlashCommands => await commands.AcceptAsync(Form(envelope.Payload), envelope.EnvelopeId, cancellationToken),
            SocketModeEnvelope.Interactive when Read(envelope, SlackJsonContext.Default.InteractionPayload) is { } payload =>
                await interactions.AcceptAsync(payload, cancellationToken),
            SocketModeEnvelope.EventsApi when Read(envelope, SlackJsonContext.Default.EventEnvelope) is { } callback =>
                await events.AcceptAsync(callback, cancellationToken),
            _ => SlackAck.BadRequest,
        };
        // Not recorded: left unacknowledged, so that Slack delivers it again.
        if (ack.Status == SlackAck.Unavailable.Status) throw new SocketModeException($"Envelope {envelope.EnvelopeId} could not be stored.");
        // A socket has no status code: what HTTP would refuse is acknowledged (a redelivery would be refused again) and logged.
        if (ack.Status >= 400) LogRefused(envelope.Type, envelope.EnvelopeId, ack.Status);
        return ack.Json is null ? null : JsonNode.Parse(ack.Json) as JsonObject;
    }

    /// <summary>A slash command's fields arrive as a JSON object of strings; anything else is kept as its JSON text.</summary>
    private static Dictionary<string, string> Form(JsonObject payload) =>
        payload.Where(p => p.Value is not null).ToDictionary(
            p => p.Key,
            p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString(),
            StringComparer.Ordinal);

    private T? Read<T>(SocketModeEnvelope envelope, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return envelope.Payload.Deserialize(type);
        }
        catch (JsonException e)
        {
            LogUnreadable(e, envelope.Type, envelope.EnvelopeId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode {Type} envelope {EnvelopeId} was refused ({Status}) and acknowledged")]
    private partial void LogRefused(string type, string envelopeId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode {Type} envelope {EnvelopeId} has a payload that does not read")]
    private partial void LogUnreadable(Exception exception, string type, string envelopeId);
}
