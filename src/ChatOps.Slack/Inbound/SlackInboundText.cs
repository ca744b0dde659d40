using System.Text.RegularExpressions;

namespace ChatOps.Slack.Inbound;

/// <summary>Brings text Slack sends (escaped, with <c>&lt;@U123|name&gt;</c> mentions) to the core's command form.</summary>
internal static partial class SlackInboundText
{
    /// <summary>Undoes Slack's escaping of <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>; mentions are already the core's form.</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// The command in a mention of the bot: what follows the bot's mention (<paramref name="botUserId"/> when known,
    /// else the first mention), so <c>&lt;@B1&gt; note disk full</c> becomes <c>note disk full</c>.
    /// </summary>
    public static string AfterBotMention(string text, string? botUserId)
    {
        foreach (Match match in MentionPattern().Matches(text))
        {
            if (botUserId is null || match.Groups[1].Value == botUserId)
                return text[(match.Index + match.Length)..].Trim();
        }
        return text.Trim();
    }

    [GeneratedRegex(@"<@([A-Z0-9]+)(?:\|[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
