namespace ChatOps.Slack.Wire;

/// <summary>A modal view for <c>views.open</c>.</summary>
internal sealed record SlackView(
    string CallbackId,
    SlackText Title,
    SlackText Submit,
    SlackText Close,
    IReadOnlyList<SlackBlock> Blocks,
    string? PrivateMetadata = null,
    string Type = "modal");
