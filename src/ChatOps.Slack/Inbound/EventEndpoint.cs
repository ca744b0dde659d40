using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Slack.Wire;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/events</c> (and Socket Mode's <c>events_api</c>): the url_verification handshake and
/// <c>app_mention</c>. A mention in an incident's thread is a command for that incident. Slack retries an event it
/// thinks was missed (<c>X-Slack-Retry-Num</c>); its <c>event_id</c> makes the retry a repeat.
/// </summary>
internal sealed class EventEndpoint(SlackRequestReader reader, InboundPipeline pipeline)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var body = await reader.ReadVerifiedAsync(http.Request, cancellationToken);
        if (body is null) return Results.Unauthorized();

        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventEnvelope);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        return envelope is null ? Results.BadRequest() : (await AcceptAsync(envelope, cancellationToken)).ToResult();
    }

    public async Task<SlackAck> AcceptAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Type == "url_verification")
            return new SlackAck(200, JsonSerializer.SerializeToUtf8Bytes(new ChallengeResponse(envelope.Challenge ?? string.Empty), SlackJsonContext.Default.ChallengeResponse));
        // Messages from bots (this one included) are never commands: that is how loops start.
        if (envelope is not { Type: "event_callback", EventId: { } eventId, Event: { Type: "app_mention", BotId: null, User: var user, Channel: { } channel } e }
            || !SlackPlatform.TryPerson(user, out var person))
            return SlackAck.Ok;

        var bot = envelope.Authorizations?.FirstOrDefault(a => a.IsBot)?.UserId ?? (envelope.Authorizations is [var first, ..] ? first.UserId : null);
        var text = SlackInboundText.AfterBotMention(SlackInboundText.ToCore(e.Text ?? string.Empty), bot);
        var answer = await pipeline.AcceptAsync(new InboundEnvelope(new Actor(person), new ChatPlace(SlackPlatform.Name, channel, e.ThreadTs),
            text.Length == 0 ? "help" : text, $"slack:event:{eventId}"), cancellationToken);
        return answer.Outcome == InboundOutcome.Unavailable ? SlackAck.Unavailable : SlackAck.Ok;
    }
}
