namespace ChatOps.Slack.Wire;

/// <summary>
/// A text object. mrkdwn text is sent verbatim: Slack then links no bare channel names and parses no
/// plain-text mentions, so only the markup the renderer wrote itself takes effect.
/// </summary>
internal sealed record SlackText(string Type, string Text, bool? Emoji = null, bool? Verbatim = null)
{
    public static SlackText Plain(string text) => new("plain_text", text, Emoji: true);

    public static SlackText Mrkdwn(string text) => new("mrkdwn", text, Verbatim: true);
}
