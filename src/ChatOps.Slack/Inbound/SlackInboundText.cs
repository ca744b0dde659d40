using System.Text.RegularExpressions;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Slack.Inbound;

/// <summary>Brings text Slack sends (escaped, with <c>&lt;@U123|name&gt;</c> mentions) to the core's command form.</summary>
internal static partial class SlackInboundText
{
    /// <summary>
    /// Slack's mentions become the core's tokens, then Slack's escaping of <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> is
    /// undone. Mentions go first: only Slack writes a raw <c>&lt;</c>, so what a person typed cannot pose as one.
    /// </summary>
    public static string ToCore(string text)
    {
        var mentioned = text.Contains("<@", StringComparison.Ordinal)
            ? SlackMention().Replace(text, m => Mention.Of(SlackPlatform.Person(m.Groups[1].Value), m.Groups[2].Success ? Unescape(m.Groups[2].Value) : null))
            : text;
        return Unescape(mentioned);
    }

    /// <summary>
    /// The command in a mention of the bot (core text): what follows the bot's mention (<paramref name="botUserId"/> when
    /// known, else the first mention), so <c>&lt;@slack:B1&gt; note disk full</c> becomes <c>note disk full</c>.
    /// </summary>
    public static string AfterBotMention(string text, string? botUserId)
    {
        foreach (Match match in CoreMention().Matches(text))
        {
            if (botUserId is null || (Mention.TryParse(match.Value, out var person, out _) && person == SlackPlatform.Person(botUserId)))
                return text[(match.Index + match.Length)..].Trim();
        }
        return text.Trim();
    }

    private static string Unescape(string text) =>
        !text.Contains('&', StringComparison.Ordinal)
            ? text
            : text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<@([UW][A-Z0-9]{1,40})(?:\|([^<>|]{0,128}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<@[a-z0-9-]{1,32}:[^\s<>|]{1,256}(?:\|[^<>|]{0,128})?>", RegexOptions.CultureInvariant)]
    private static partial Regex CoreMention();
}
