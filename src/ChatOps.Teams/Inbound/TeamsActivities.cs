using ChatOps.Core.Access;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Teams.Inbound.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// An authenticated activity, brought to the core's inbound pipeline: a message that mentions the bot (or any message
/// in a personal chat) is a command, a click on one of our cards is its clicker typing the button's command. Whatever
/// else Teams sends (typing, conversation and installation updates, reactions) is acknowledged and left alone.
/// </summary>
internal sealed partial class TeamsActivities(InboundPipeline pipeline, ILogger<TeamsActivities> logger)
{
    public const string CardActionInvoke = "adaptiveCard/action";
    public const string Personal = "personal";

    /// <summary>What the person who clicked is told; the card's new state follows from the background.</summary>
    public const string Accepted = "On it.";

    public const string Repeated = "Already on it.";

    public const string Unowned = "ChatOps cannot act on this button.";

    public async Task<IResult> AcceptAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case "message":
                return await MessageAsync(activity, cancellationToken);
            case "invoke" when activity.Name == CardActionInvoke:
                return Invoked(await CardActionAsync(activity, cancellationToken));
            case "invoke":
                // Botbuilder's answer to an invoke it has no handler for.
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            case "installationUpdate":
                LogInstallation(activity.Action ?? "(none)", activity.Conversation?.ConversationType ?? "(none)");
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private async Task<IResult> MessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        // Messages from bots (this one included) are never commands: that is how loops start.
        if (!TeamsPeople.TryPerson(activity.From, out var person) || activity.Id is not { Length: > 0 } id) return Results.Ok();
        var actor = new Actor(person, activity.From!.Name);

        // An Action.Submit (the fallback of our Action.Execute buttons on older clients) is a message with the data as value and no text.
        if (string.IsNullOrWhiteSpace(activity.Text) && CardActionData.TryRead(activity.Value, null, out var submitted))
        {
            var answer = await ClickAsync(activity, actor, submitted, $"teams:activity:{id}", cancellationToken);
            return answer?.Outcome == InboundOutcome.Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
        }

        var text = TeamsInboundText.ToCore(activity.Text, activity.Entities, activity.Recipient?.Id, out var mentioned);
        // In a channel or group chat the bot hears only what mentions it; a personal chat speaks to the bot alone.
        if (!mentioned && activity.Conversation?.ConversationType != Personal) return Results.Ok();
        if (TeamsPlaces.Of(activity) is not { } place) return Results.BadRequest();
        var accepted = await pipeline.AcceptAsync(new InboundEnvelope(actor, place, text.Length == 0 ? "help" : text, $"teams:activity:{id}"), cancellationToken);
        return accepted.Outcome == InboundOutcome.Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
    }

    private async Task<InvokeResponse> CardActionAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (!TeamsPeople.TryPerson(activity.From, out var person) || activity.Id is not { Length: > 0 } id
            || !CardActionData.TryReadInvoke(activity.Value, out var action))
            return InvokeResponse.Message(Unowned);
        var answer = await ClickAsync(activity, new Actor(person, activity.From!.Name), action, $"teams:invoke:{id}", cancellationToken);
        return InvokeResponse.Message(answer?.Outcome switch
        {
            null => Unowned,
            InboundOutcome.Unavailable => InboundAnswer.TryAgain,
            InboundOutcome.Repeat => Repeated,
            _ => Accepted,
        });
    }

    /// <summary>A click on a command button, as if its clicker had typed the command; null for a button with no owner here.</summary>
    private async Task<InboundAnswer?> ClickAsync(TeamsActivity activity, Actor actor, CardActionData action, string deliveryKey, CancellationToken cancellationToken)
    {
        if (action.ActionId != ButtonActions.Command || TeamsPlaces.Of(activity, activity.ReplyToId) is not { } place)
        {
            LogUnowned(action.ActionId);
            return null;
        }
        var click = new InboundEnvelope(actor, place, action.Value, deliveryKey)
        {
            // Two different buttons of one card are two gestures; the same button twice in a moment is one.
            RepeatKey = $"teams:click:{actor.Id.User}:{activity.ReplyToId}:{action.ActionId}:{action.Value}",
        };
        return await pipeline.AcceptAsync(click, cancellationToken);
    }

    private static IResult Invoked(InvokeResponse response) =>
        // The invoke's answer is the HTTP response itself, always 200; its own status code is in the body.
        Results.Json(response, InboundJsonContext.Default.InvokeResponse);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app installation update: {Action} in a {ConversationType} conversation")]
    private partial void LogInstallation(string action, string conversationType);

    [LoggerMessage(Level = LogLevel.Information, Message = "No owner for Teams card action {ActionId}; acknowledged and dropped")]
    private partial void LogUnowned(string actionId);
}
