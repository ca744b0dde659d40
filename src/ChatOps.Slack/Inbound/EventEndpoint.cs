using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Work;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/events</c>: the url_verification handshake and <c>app_mention</c>. A mention in an incident's
/// thread is a command for that incident. Slack retries an event it thinks was missed (<c>X-Slack-Retry-Num</c>);
/// its <c>event_id</c> makes the retry a no-op.
/// </summary>
internal sealed class EventEndpoint(SlackRequestReader reader, IWorkQueue queue, IDeliveryDeduplicator deduplicator, IOptionsMonitor<SlackOptions> options)
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
        if (envelope is null) return Results.BadRequest();
        if (envelope.Type == "url_verification")
            return Results.Json(new ChallengeResponse(envelope.Challenge ?? string.Empty), SlackJsonContext.Default.ChallengeResponse);
        if (envelope is not { Type: "event_callback", EventId: { } eventId, Event: { } e }) return Results.Ok();
        if (!await deduplicator.TryClaimAsync($"slack:event:{eventId}", options.CurrentValue.DeliveryWindow, cancellationToken)) return Results.Ok();

        // Messages from bots (this one included) are never commands: that is how loops start.
        if (e is { Type: "app_mention", BotId: null, User: { } user, Channel: { } channel })
        {
            var bot = envelope.Authorizations?.FirstOrDefault(a => a.IsBot)?.UserId ?? (envelope.Authorizations is [var first, ..] ? first.UserId : null);
            var text = SlackInboundText.AfterBotMention(SlackInboundText.Unescape(e.Text ?? string.Empty), bot);
            var context = new CommandContext(new Actor(user), new ChatPlace(SlackChatSurface.PlatformName, channel, e.ThreadTs));
            await queue.EnqueueAsync(SlackCommandWork.Item(text.Length == 0 ? "help" : text, context), cancellationToken);
        }
        return Results.Ok();
    }
}
