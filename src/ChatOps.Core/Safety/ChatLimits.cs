using System.Globalization;

namespace ChatOps.Core.Safety;

/// <summary>
/// How much of a result fits a chat message, and the cut that keeps it there. The numbers stay under the smallest of
/// the platforms' limits: a Slack section's text holds 3,000 characters (https://api.slack.com/reference/block-kit/blocks#section),
/// and long Teams cards are cut by the client.
/// </summary>
public static class ChatLimits
{
    /// <summary>A headline or summary line.</summary>
    public const int LineCharacters = 300;

    /// <summary>A block of text such as log lines.</summary>
    public const int BlockCharacters = 2900;

    public const int BlockLines = 40;

    public const int TableRows = 20;

    public const int CellCharacters = 200;

    /// <summary>
    /// The text cut to <paramref name="maxCharacters"/> and <paramref name="maxLines"/> at line ends, with a line saying
    /// how much was cut (the line counts against the limits). <paramref name="keepEnd"/> keeps the last lines instead of
    /// the first, for logs, whose newest lines are at the end.
    /// </summary>
    public static string Truncate(string text, int maxCharacters, int maxLines = int.MaxValue, bool keepEnd = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (keepEnd) Array.Reverse(lines);
        if (text.Length <= maxCharacters && lines.Length <= maxLines) return text;

        var budget = Math.Max(0, maxCharacters - 60);
        var kept = new List<string>();
        var partial = false;
        var used = 0;
        foreach (var line in lines.Take(Math.Max(1, maxLines - 1)))
        {
            var cost = line.Length + (kept.Count == 0 ? 0 : 1);
            if (used + cost > budget)
            {
                // A single long line still shows its start.
                if (kept.Count == 0) (kept, partial) = ([keepEnd ? line[^budget..] : line[..budget]], true);
                break;
            }
            kept.Add(line);
            used += cost;
        }
        if (keepEnd) kept.Reverse();
        var keptText = string.Join('\n', kept);
        var cutLines = lines.Length - kept.Count + (partial ? 1 : 0);
        var cutCharacters = lines.Sum(l => l.Length) + lines.Length - 1 - keptText.Length;
        var marker = string.Create(
            CultureInfo.InvariantCulture, $"… cut {cutCharacters:N0} characters ({cutLines} {(cutLines == 1 ? "line" : "lines")})");
        return keepEnd ? marker + "\n" + keptText : keptText + "\n" + marker;
    }

    /// <summary>One line, cut to <paramref name="maxCharacters"/> with an ellipsis.</summary>
    public static string Line(string text, int maxCharacters = LineCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxCharacters ? text : text[..(maxCharacters - 1)] + "…";
    }
}
