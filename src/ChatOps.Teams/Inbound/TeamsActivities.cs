using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Teams.Cards;
using ChatOps.Teams.Inbound.Wire;
using ChatOps.Teams.Outbound;
using ChatOps.Teams.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// An authenticated activity, brought to the core's inbound pipeline: a message that mentions the bot (or any message
/// in a personal chat) is a command, a click on one of our cards is its clicker typing the button's command, a form's
/// submission completes the form's command with its answers. <c>declare</c> without a title is answered with a form
/// card (Slack opens a modal; Teams gives no trigger id to open one), posted from the durable queue. Whatever else
/// Teams sends (typing, conversation and installation updates, reactions) is acknowledged and left alone.
/// </summary>
internal sealed partial class TeamsActivities(
    InboundPipeline pipeline,
    TeamsForms forms,
    IEnumerable<IChatSurface> surfaces,
    SentCards sentCards,
    TeamsMembers members,
    TeamsPersonNames names,
    ILogger<TeamsActivities> logger)
{
    private readonly IChatSurface? _surface = surfaces.LastOrDefault(s => s.Platform == TeamsPlatform.Name);

    public const string CardActionInvoke = "adaptiveCard/action";
    public const string Personal = "personal";

    /// <summary>A repeated click on a card not known here: the first click is being worked on.</summary>
    public const string Repeated = "Already on it.";

    /// <summary>Who clicked, where the channel did not give their name.</summary>
    public const string Unnamed = "You";

    public const string Unowned = "ChatOps cannot act on this button.";

    public async Task<IResult> AcceptAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        // The channel names the person in every activity it signs: the name the bot shows for them from then on.
        if (TeamsPeople.TryPerson(activity.From, out var sender)) await names.LearnAsync(sender.User, activity.From!.Name, cancellationToken);
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
            var answer = await ActAsync(activity, actor, submitted, $"teams:activity:{id}", answerNow: false, cancellationToken);
            // A Submit gets no answer in the HTTP response (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model):
            // a mistake in the answers is posted to the person where the card is.
            if (answer?.Error is { } error && TeamsPlaces.Of(activity, activity.ReplyToId) is { } at)
                await TellAsync(at, actor.Id, ChatMessage.Plain(error.Message), cancellationToken);
            return answer?.Outcome == InboundOutcome.Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
        }

        var text = TeamsInboundText.ToCore(activity.Text, activity.Entities, activity.Recipient?.Id, out var mentioned);
        // In a channel or group chat the bot hears only what mentions it; a personal chat speaks to the bot alone.
        if (!mentioned && activity.Conversation?.ConversationType != Personal) return Results.Ok();
        if (TeamsPlaces.Of(activity) is not { } place) return Results.BadRequest();
        if (activity.Entities is { Count: > 0 } entities)
        {
            var unknown = new List<string>();
            var resolved = await members.ResolveAsync(place, entities, activity.Recipient?.Id, unknown, cancellationToken);
            if (unknown.Count > 0)
            {
                await TellAsync(place, actor.Id, ChatMessage.Plain(NotResolved(unknown)), cancellationToken);
                return Results.Ok();
            }
            text = TeamsInboundText.ToCore(activity.Text, resolved, activity.Recipient?.Id, out _);
        }
        var deliveryKey = $"teams:activity:{id}";
        if (CommandParser.Parse(text) is { Succeeded: false, Error.Code: CommandErrorCode.MissingTitle })
        {
            var offered = await forms.OfferDeclareAsync(place, actor.Id, DeclareCard.Named(text), deliveryKey, cancellationToken);
            return offered ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var accepted = await pipeline.AcceptAsync(new InboundEnvelope(actor, place, text.Length == 0 ? "help" : text, deliveryKey), cancellationToken);
        return accepted.Outcome == InboundOutcome.Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
    }

    private async Task<InvokeResponse> CardActionAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (!TeamsPeople.TryPerson(activity.From, out var person) || activity.Id is not { Length: > 0 } id
            || !CardActionData.TryReadInvoke(activity.Value, out var action))
            return InvokeResponse.Message(Unowned);
        var answer = await ActAsync(activity, new Actor(person, activity.From!.Name), action, $"teams:invoke:{id}", answerNow: true, cancellationToken);
        // A refusal is said in the response, which the clicker sees at once; the card stays as it is, with their answers in it.
        return answer switch
        {
            null => InvokeResponse.Message(Unowned),
            { Outcome: InboundOutcome.Unavailable } => InvokeResponse.Message(InboundAnswer.TryAgain),
            { Error: { } error } => InvokeResponse.Message(error.Message),
            _ => await ReceiptAsync(activity, action, answer.Outcome == InboundOutcome.Repeat, cancellationToken),
        };
    }

    /// <summary>
    /// The clicked card with the click taken in it (a retried or repeated click gets the same); where the card is not known
    /// here, a message saying the same. The card everyone sees is updated once the work has run.
    /// </summary>
    private async Task<InvokeResponse> ReceiptAsync(TeamsActivity activity, CardActionData action, bool repeated, CancellationToken cancellationToken)
    {
        var who = activity.From?.Name is { Length: > 0 } name ? name : Unnamed;
        var conversation = activity.Conversation?.Id is { } id ? TeamsPlaces.Split(id).Conversation : null;
        var card = conversation is not null && activity.ReplyToId is { Length: > 0 } clicked
            ? await sentCards.FindAsync(conversation, clicked, cancellationToken)
            : null;
        if (card is not null) return InvokeResponse.Card(ClickReceipt.Of(card, action.ActionId, action.Value, who));
        return InvokeResponse.Message(repeated ? Repeated : ClickReceipt.Line(who, action.Title));
    }

    /// <summary>
    /// A click on a button of ours, as if its clicker had typed its command (a form's, completed with the answers); null
    /// for a button with no owner here.
    /// </summary>
    /// <param name="answerNow">The door shows an answer at once (an invoke's response), so a refusal is wanted now.</param>
    private async Task<InboundAnswer?> ActAsync(
        TeamsActivity activity, Actor actor, CardActionData action, string deliveryKey, bool answerNow, CancellationToken cancellationToken)
    {
        if (TeamsPlaces.Of(activity, activity.ReplyToId) is not { } place)
        {
            LogUnowned(action.ActionId);
            return null;
        }
        var click = new InboundEnvelope(actor, place, action.Value, deliveryKey)
        {
            // Two different buttons of one card are two gestures; the same button twice in a moment is one.
            RepeatKey = $"teams:click:{actor.Id.User}:{activity.ReplyToId}:{action.ActionId}:{action.Value}",
        };
        switch (action.ActionId)
        {
            case ButtonActions.Command:
                return await pipeline.AcceptAsync(click, cancellationToken);
            case ButtonActions.Form:
                return await forms.CompleteAsync(click, action, answerNow, cancellationToken);
            case DeclareCard.ActionId:
                return await forms.DeclareAsync(click, action, cancellationToken);
            default:
                LogUnowned(action.ActionId);
                return null;
        }
    }

    private async Task TellAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken)
    {
        if (_surface is null) return;
        try
        {
            await _surface.PostPrivateAsync(place, person, message, cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogNotTold(e, person);
        }
    }

    /// <summary>What the person hears when a mention of theirs names nobody the bot can act on: nothing was done.</summary>
    public static string NotResolved(IEnumerable<string> names) =>
        $"ChatOps could not tell who {string.Join(", ", names.Select(n => "@" + n))} is: Teams did not say. Nothing was done; "
        + "mention them by picking their name from the list Teams offers as you type, and check that they are in this team.";

    private static IResult Invoked(InvokeResponse response) =>
        // The invoke's answer is the HTTP response itself, always 200; its own status code is in the body.
        Results.Json(response, InboundJsonContext.Default.InvokeResponse);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app installation update: {Action} in a {ConversationType} conversation")]
    private partial void LogInstallation(string action, string conversationType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} what was wrong with their form")]
    private partial void LogNotTold(Exception exception, PersonId user);

    [LoggerMessage(Level = LogLevel.Information, Message = "No owner for Teams card action {ActionId}; acknowledged and dropped")]
    private partial void LogUnowned(string actionId);
}
