using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// Escapes user text for mrkdwn: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are Slack's only control characters
/// (https://docs.slack.dev/messaging/formatting-message-text#escaping), so after escaping nobody can write
/// <c>&lt;!channel&gt;</c>, <c>&lt;!subteam^…&gt;</c> or <c>&lt;https://…|label&gt;</c> through the bot. The one markup
/// written is the core's mention token: a Slack person's becomes <c>&lt;@U123&gt;</c> (only for ids shaped like Slack
/// user ids), anyone else's reads as their name.
/// </summary>
internal static partial class Mrkdwn
{
    public static string Escape(string raw) => Escape(raw, int.MaxValue, out _);

    /// <summary>Escapes as much of <paramref name="raw"/> as fits in <paramref name="budget"/> characters, never splitting an entity, a mention or a surrogate pair.</summary>
    public static string Escape(string raw, int budget, out int omitted)
    {
        omitted = 0;
        var next = raw.AsSpan().IndexOfAny(Special);
        // Most text has nothing to escape and fits: it is its own escaped form.
        if (next < 0 && raw.Length <= budget) return raw;

        var builder = new StringBuilder(Math.Min(raw.Length + 16, Math.Max(budget, 0)));
        var i = 0;
        while (i < raw.Length)
        {
            var end = next < 0 ? raw.Length : next;
            if (i < end)
            {
                // A run of ordinary characters: whole when it fits, else unit by unit up to the budget.
                if (builder.Length + (end - i) <= budget)
                {
                    builder.Append(raw, i, end - i);
                    i = end;
                }
                else
                {
                    while (i < end)
                    {
                        var pair = i + 1 < raw.Length && char.IsSurrogatePair(raw[i], raw[i + 1]) ? 2 : 1;
                        if (builder.Length + pair > budget) break;
                        builder.Append(raw, i, pair);
                        i += pair;
                    }
                    break;
                }
                continue;
            }

            string unit;
            int consumed;
            if (raw[i] == '<' && Mention().Match(raw, i) is { Success: true } mention)
            {
                var shown = MentionText(mention.Groups[1].Value, mention.Groups[2].Value, mention.Groups[3].Success ? mention.Groups[3].Value : null);
                unit = shown[0] == '<' ? shown : Escape(shown);
                consumed = mention.Length;
            }
            else
            {
                unit = raw[i] switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    _ => "&gt;",
                };
                consumed = 1;
            }
            if (builder.Length + unit.Length > budget) break;
            builder.Append(unit);
            i += consumed;
            var rest = raw.AsSpan(i).IndexOfAny(Special);
            next = rest < 0 ? -1 : i + rest;
        }
        omitted = raw.Length - i;
        return builder.ToString();
    }

    /// <summary>How Slack shows a core mention token: a Slack person as Slack's mention, anyone else by name.</summary>
    public static string MentionText(string platform, string user, string? label) =>
        platform == SlackPlatform.Name && SlackUser().IsMatch(user) ? $"<@{user}>" : "@" + (string.IsNullOrWhiteSpace(label) ? "someone" : label);

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>");

    // \G anchors the match where the scan stands. A Slack person's label is dropped: Slack shows the user's own name.
    [GeneratedRegex(@"\G<@([a-z0-9-]{1,32}):([^\s<>|]{1,256})(?:\|([^<>|]{0,128}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^[UW][A-Z0-9]{2,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackUser();
}
