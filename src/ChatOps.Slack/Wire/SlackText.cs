namespace ChatOps.Slack.Wire;

/// <summary>
/// A text object (https://docs.slack.dev/reference/block-kit/composition-objects/text-object). plain_text takes no
/// markup at all, so it is sent as written; mrkdwn is sent verbatim, so Slack links no bare channel names and parses
/// no plain-text mentions, and only the markup the renderer wrote itself (after escaping) takes effect.
/// </summary>
internal sealed record SlackText(string Type, string Text, bool? Emoji = null, bool? Verbatim = null)
{
    public static SlackText Plain(string text) => new("plain_text", text, Emoji: true);

    public static SlackText Mrkdwn(string text) => new("mrkdwn", text, Verbatim: true);
}
