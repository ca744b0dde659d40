using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// A table as monospace lines: Block Kit's table block is not available to every app, and a code section keeps
/// columns aligned on every client. Columns but the last are cut to a readable width.
/// </summary>
internal static class TableText
{
    public const int MaxColumnWidth = 48;
    private const string Gap = "  ";

    public static string Render(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var all = new List<string[]>(rows.Count + 1) { columns.Select(Clean).ToArray() };
        all.AddRange(rows.Select(r => r.Select(Clean).ToArray()));
        var count = all.Max(r => r.Length);
        var widths = new int[count];
        foreach (var row in all)
        {
            for (var c = 0; c < row.Length; c++) widths[c] = Math.Min(MaxColumnWidth, Math.Max(widths[c], Width(row[c])));
        }
        var lines = new List<string>(all.Count + 1) { Line(all[0], widths), Line([.. widths.Select(w => new string('-', Math.Max(w, 1)))], widths) };
        lines.AddRange(all.Skip(1).Select(row => Line(row, widths)));
        return string.Join('\n', lines);
    }

    private static string Line(string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var last = c == cells.Length - 1;
            var cell = !last && Width(cells[c]) > widths[c] ? BlockLimits.Plain(cells[c], widths[c]) : cells[c];
            parts[c] = last ? cell : cell.PadRight(widths[c] + cell.Length - Width(cell));
        }
        return string.Join(Gap, parts).TrimEnd();
    }

    private static string Clean(string cell) => cell.ReplaceLineEndings(" ");

    // A mention token is measured as Slack writes it, so columns align on what people see.
    private static int Width(string cell) =>
        cell.Contains("<@", StringComparison.Ordinal) ? Mention.Replace(cell, (p, label) => Mrkdwn.MentionText(p.Platform, p.User, label)).Length : cell.Length;
}
