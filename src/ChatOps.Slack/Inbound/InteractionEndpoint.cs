using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/interactions</c>: button clicks and modal submissions. A click on an <c>incident.command</c> button
/// is its clicker typing the button's command; a delivery seen before, or a second click of the same button
/// within a moment, is acknowledged and dropped.
/// </summary>
internal sealed partial class InteractionEndpoint(
    SlackRequestReader reader,
    DeclareModal modal,
    IWorkQueue queue,
    IDeliveryDeduplicator deduplicator,
    IOptionsMonitor<SlackOptions> options,
    ILogger<InteractionEndpoint> logger)
{
    public static readonly TimeSpan DoubleClickWindow = TimeSpan.FromSeconds(2);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var body = await reader.ReadVerifiedAsync(http.Request, cancellationToken);
        if (body is null) return Results.Unauthorized();

        var json = SlackForm.Parse(body).GetValueOrDefault("payload");
        if (string.IsNullOrEmpty(json)) return Results.BadRequest();
        InteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (payload?.User is null) return Results.BadRequest();

        return payload.Type switch
        {
            "block_actions" => await ClickedAsync(payload, cancellationToken),
            "view_submission" when payload.View?.CallbackId == DeclareModal.CallbackId => await modal.SubmitAsync(payload, cancellationToken),
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> ClickedAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var messageTs = payload.Container?.MessageTs ?? payload.Message?.Ts;
        if (channel is null || messageTs is null) return Results.Ok(); // The bot puts no buttons in modals or App Home.
        var thread = payload.Message?.ThreadTs ?? payload.Container?.ThreadTs ?? messageTs;
        var window = options.CurrentValue.DeliveryWindow;
        foreach (var action in payload.Actions ?? [])
        {
            if (BlockKitRenderer.CoreActionId(action.ActionId) != ButtonActions.Command || string.IsNullOrWhiteSpace(action.Value))
            {
                LogUnowned(action.ActionId);
                continue;
            }
            if (!await deduplicator.TryClaimAsync($"slack:action:{action.ActionId}:{messageTs}:{action.ActionTs}", window, cancellationToken)) continue;
            if (!await deduplicator.TryClaimAsync($"slack:click:{payload.User.Id}:{messageTs}:{action.ActionId}", DoubleClickWindow, cancellationToken)) continue;
            var context = new CommandContext(new Actor(payload.User.Id, payload.User.Username ?? payload.User.Name),
                new ChatPlace(SlackChatSurface.PlatformName, channel, thread));
            await queue.EnqueueAsync(SlackCommandWork.Item(action.Value, context), cancellationToken);
        }
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No owner for Slack action {ActionId}; acknowledged and dropped")]
    private partial void LogUnowned(string actionId);
}
