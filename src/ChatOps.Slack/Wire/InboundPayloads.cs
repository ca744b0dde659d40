namespace ChatOps.Slack.Wire;

// What Slack posts to the bot. Only the fields the bot reads are declared; the rest is ignored.

/// <summary>The JSON in the <c>payload</c> field of an interaction (block_actions, view_submission).</summary>
internal sealed record InteractionPayload(
    string Type,
    PayloadUser User,
    string? TriggerId = null,
    PayloadChannel? Channel = null,
    PayloadContainer? Container = null,
    PayloadMessage? Message = null,
    IReadOnlyList<PayloadAction>? Actions = null,
    PayloadView? View = null);

internal sealed record PayloadUser(string Id, string? Username = null, string? Name = null);

internal sealed record PayloadChannel(string Id);

internal sealed record PayloadContainer(string? Type = null, string? MessageTs = null, string? ChannelId = null, string? ThreadTs = null, bool IsEphemeral = false);

internal sealed record PayloadMessage(string? Ts = null, string? ThreadTs = null);

internal sealed record PayloadAction(string ActionId, string? Value = null, string? ActionTs = null, string? BlockId = null);

internal sealed record PayloadView(string Id, string? CallbackId = null, string? PrivateMetadata = null, ViewState? State = null);

internal sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values);

internal sealed record ViewStateValue(string? Type = null, string? Value = null, PayloadOption? SelectedOption = null);

internal sealed record PayloadOption(string Value);

/// <summary>An Events API request: <c>url_verification</c> or an <c>event_callback</c>.</summary>
internal sealed record EventEnvelope(
    string Type,
    string? Challenge = null,
    string? EventId = null,
    SlackEvent? Event = null,
    IReadOnlyList<EventAuthorization>? Authorizations = null);

internal sealed record SlackEvent(
    string Type,
    string? User = null,
    string? Text = null,
    string? Ts = null,
    string? ThreadTs = null,
    string? Channel = null,
    string? BotId = null,
    string? Subtype = null);

internal sealed record EventAuthorization(string? UserId = null, bool IsBot = false);

/// <summary>A view_submission answer that keeps the modal open and shows what is wrong, per input block.</summary>
internal sealed record ViewErrorsResponse(IReadOnlyDictionary<string, string> Errors, string ResponseAction = "errors");

/// <summary>The immediate answer to a slash command, seen only by the person who typed it.</summary>
internal sealed record SlashCommandResponse(string Text, IReadOnlyList<SlackBlock> Blocks, string ResponseType = "ephemeral");

/// <summary>The url_verification answer.</summary>
internal sealed record ChallengeResponse(string Challenge);
