using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/interactions</c> (and Socket Mode's <c>interactive</c>): button clicks and modal submissions. A
/// click on an <c>incident.command</c> button is its clicker typing the button's command; a click on an
/// <c>incident.form</c> button opens its form (<see cref="FormModal"/>), whose submission is the completed command.
/// </summary>
internal sealed partial class InteractionEndpoint(
    SlackRequestReader reader,
    DeclareModal modal,
    FormModal forms,
    InboundPipeline pipeline,
    ILogger<InteractionEndpoint> logger)
{
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
        return payload is null ? Results.BadRequest() : (await AcceptAsync(payload, cancellationToken)).ToResult();
    }

    public async Task<SlackAck> AcceptAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (!SlackPlatform.TryPerson(payload.User?.Id, out var person)) return SlackAck.BadRequest;
        return payload.Type switch
        {
            "block_actions" => await ClickedAsync(payload, new Actor(person, payload.User!.Username ?? payload.User.Name), cancellationToken),
            "view_submission" when payload.View?.CallbackId == DeclareModal.CallbackId => await modal.SubmitAsync(payload, cancellationToken),
            "view_submission" when payload.View?.CallbackId == FormModal.CallbackId => await forms.SubmitAsync(payload, cancellationToken),
            _ => SlackAck.Ok,
        };
    }

    private async Task<SlackAck> ClickedAsync(InteractionPayload payload, Actor actor, CancellationToken cancellationToken)
    {
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var messageTs = payload.Container?.MessageTs ?? payload.Message?.Ts;
        if (channel is null || messageTs is null) return SlackAck.Ok; // The bot puts no buttons in modals or App Home.
        // A click on a root message acts in its thread; an ephemeral message (a private answer) is no thread's root.
        var thread = payload.Message?.ThreadTs ?? payload.Container?.ThreadTs ?? (payload.Container?.IsEphemeral == true ? null : messageTs);
        var ack = SlackAck.Ok;
        foreach (var action in payload.Actions ?? [])
        {
            // A button the bot did not make (or a payload with its fields missing) has no owner here.
            var owner = action?.ActionId is null ? null : BlockKitRenderer.CoreActionId(action.ActionId);
            var form = owner == ButtonActions.Form ? FormValue.Decode(action!.Value) : null;
            if (action is null || (owner != ButtonActions.Command && form is null) || string.IsNullOrWhiteSpace(action.Value))
            {
                LogUnowned(action?.ActionId ?? "(none)");
                continue;
            }
            var click = new InboundEnvelope(actor, new ChatPlace(SlackPlatform.Name, channel, thread), form is null ? SlackInboundText.ToCore(action.Value) : form.Command,
                $"slack:action:{action.ActionId}:{messageTs}:{action.ActionTs}")
            {
                // Two different buttons of one message are two gestures; the same button twice in a moment is one.
                RepeatKey = $"slack:click:{actor.Id.User}:{messageTs}:{action.ActionId}:{action.Value}",
            };
            // A form opens at once (its trigger_id lives 3 seconds) and changes nothing; its submission is the command.
            if (form is not null) await forms.OpenAsync(payload.TriggerId, form, click, cancellationToken);
            else if ((await pipeline.AcceptAsync(click, cancellationToken)).Outcome == InboundOutcome.Unavailable) ack = SlackAck.Unavailable;
        }
        // Slack does not retry a click; its 503 shows the person the button did not work, so they click again.
        return ack;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No owner for Slack action {ActionId}; acknowledged and dropped")]
    private partial void LogUnowned(string actionId);
}
