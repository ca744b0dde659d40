using System.Text;
using ChatOps.Core.Messages;

namespace ChatOps.Teams.Cards;

/// <summary>
/// Escapes user text for the Markdown subset of an Adaptive Card <c>TextBlock</c> and <c>Fact</c>
/// (https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format): every
/// character Markdown could read as syntax gets a CommonMark backslash escape, so <c>**bold**</c>, <c>[a](b)</c>,
/// lists, headings and quotes stay literal text, and <c>&lt;at&gt;</c> typed by a person can never match a mention
/// entity. The one markup written is the core's mention token: a Teams person's becomes <c>&lt;at&gt;Name&lt;/at&gt;</c>
/// with an entity in <see cref="CardMentions"/>, anyone else's reads as <c>@Name</c>.
/// </summary>
internal static class CardText
{
    // Private-use characters stand in for the rendered mentions while the rest is escaped.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public static string Escape(string raw, CardMentions mentions)
    {
        var clean = raw.Replace(Open, ' ').Replace(Close, ' ').ReplaceLineEndings("\n");
        var rendered = new List<string>();
        var marked = Mention.Replace(clean, (person, label) =>
        {
            rendered.Add(person.Platform == TeamsPlatform.Name
                ? mentions.Add(person.User, label)
                : "@" + EscapeMarkdown(string.IsNullOrWhiteSpace(label) ? "someone" : label));
            return Open + (rendered.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + Close;
        });
        var escaped = EscapeMarkdown(marked);
        if (rendered.Count == 0) return escaped;
        var result = new StringBuilder(escaped.Length);
        var i = 0;
        while (i < escaped.Length)
        {
            var open = escaped.IndexOf(Open, i);
            if (open < 0) break;
            var close = escaped.IndexOf(Close, open);
            result.Append(escaped, i, open - i);
            result.Append(rendered[int.Parse(escaped.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture)]);
            i = close + 1;
        }
        return result.Append(escaped, i, escaped.Length - i).ToString();
    }

    /// <summary>Backslash-escapes Markdown's punctuation; a line-leading list or heading marker is escaped the same way.</summary>
    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '<' or '>' or '&' or '#' or '~' or '|' or '!')
            {
                builder.Append('\\');
            }
            else if (lineStart && c is '-' or '+' or '=')
            {
                builder.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c) && OrderedListMarker(text, i) is var dot and > 0)
            {
                // "1. item" and "1) item" start a numbered list; escape the dot, not the digits.
                builder.Append(text, i, dot - i).Append('\\');
                i = dot;
                c = text[i];
            }
            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }
        return builder.ToString();
    }

    private static int OrderedListMarker(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i < text.Length && text[i] == '.' ? i : -1;
    }
}
