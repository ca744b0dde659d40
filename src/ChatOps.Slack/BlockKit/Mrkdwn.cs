using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// Escapes user text for mrkdwn: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are Slack's only control characters
/// (https://docs.slack.dev/messaging/formatting-message-text#escaping), so after escaping nobody can write
/// <c>&lt;!channel&gt;</c>, <c>&lt;!subteam^…&gt;</c> or <c>&lt;https://…|label&gt;</c> through the bot. The one markup
/// kept is the core's user mention <c>&lt;@U123&gt;</c>, and only for ids shaped like Slack user ids.
/// </summary>
internal static partial class Mrkdwn
{
    public static string Escape(string raw) => Escape(raw, int.MaxValue, out _);

    /// <summary>Escapes as much of <paramref name="raw"/> as fits in <paramref name="budget"/> characters, never splitting an entity, a mention or a surrogate pair.</summary>
    public static string Escape(string raw, int budget, out int omitted)
    {
        var builder = new StringBuilder(Math.Min(raw.Length + 16, Math.Max(budget, 0)));
        var i = 0;
        while (i < raw.Length)
        {
            string unit;
            int consumed;
            if (raw[i] == '<' && Mention().Match(raw, i) is { Success: true } mention)
            {
                unit = $"<@{mention.Groups[1].Value}>";
                consumed = mention.Length;
            }
            else
            {
                consumed = char.IsHighSurrogate(raw[i]) && i + 1 < raw.Length ? 2 : 1;
                unit = raw[i] switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => raw.Substring(i, consumed),
                };
            }
            if (builder.Length + unit.Length > budget) break;
            builder.Append(unit);
            i += consumed;
        }
        omitted = raw.Length - i;
        return builder.ToString();
    }

    // \G anchors the match where the scan stands. A label (<@U1|name>) is dropped: Slack shows the user's own name.
    [GeneratedRegex(@"\G<@([UW][A-Z0-9]{2,40})(?:\|[^<>]{0,128})?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
