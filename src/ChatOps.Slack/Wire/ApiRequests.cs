namespace ChatOps.Slack.Wire;

// Bodies of the Web API write methods, sent as JSON (https://docs.slack.dev/apis/web-api/#posting_json).

// The bot's messages link nothing by themselves: no unfurled previews, no names turned into mentions.
internal sealed record PostMessageRequest(
    string Channel, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs = null,
    bool UnfurlLinks = false, bool UnfurlMedia = false, bool LinkNames = false);

internal sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<SlackBlock> Blocks, bool LinkNames = false);

internal sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs = null, bool LinkNames = false);

internal sealed record OpenViewRequest(string TriggerId, SlackView View);

internal sealed record CompleteUploadRequest(IReadOnlyList<UploadedFile> Files, string ChannelId, string? ThreadTs, string? InitialComment = null);

internal sealed record UploadedFile(string Id, string Title);
