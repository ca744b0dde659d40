using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Checks;

/// <summary>
/// A check result as a thread message: grade, value, the query that produced it, and its table or lines.
/// Everything it emits is redacted first and then cut to the chat limits, so no secret reaches chat in part either.
/// </summary>
public static class CheckResultView
{
    public static ChatMessage Render(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var check = result.Check;
        var grade = result.Grade.ToString().ToUpperInvariant();
        var headline = Line(result.Error is { } error
            ? $"{grade} · {check.Title}: {error}"
            : $"{grade} · {check.Title}: {result.Observation!.Summary}");
        var blocks = new List<MessageBlock>
        {
            new TextBlock(headline),
            new TextBlock(Block(check.Spec.Describe()), TextStyle.Code),
        };
        if (result.Observation?.Table is { } table) blocks.AddRange(Table(table));
        // Details are log lines, newest last: a cut keeps the newest.
        if (result.Observation?.Detail is { Length: > 0 } detail) blocks.Add(new TextBlock(Block(detail, keepEnd: true), TextStyle.Code));
        if (check.Note is { } note) blocks.Add(new TextBlock(Line(note), TextStyle.Quote));
        var thresholds = string.Join(", ", new[] { ("warn", check.Warn), ("critical", check.Critical) }
            .Where(t => t.Item2 is not null).Select(t => $"{t.Item1} when {t.Item2}"));
        blocks.Add(new ContextBlock(Line(string.Create(CultureInfo.InvariantCulture,
            $"{check.Id} on {check.Target} · {result.Elapsed.TotalMilliseconds:0} ms{(thresholds.Length == 0 ? "" : " · " + thresholds)}"))));
        return new ChatMessage(headline, blocks);
    }

    private static IEnumerable<MessageBlock> Table(TableBlock table)
    {
        var rows = table.Rows.Take(ChatLimits.TableRows)
            .Select(r => (IReadOnlyList<string>)[.. r.Select(c => Line(c, ChatLimits.CellCharacters))])
            .ToList();
        yield return new TableBlock([.. table.Columns.Select(c => Line(c, ChatLimits.CellCharacters))], rows);
        var cut = table.Rows.Count - rows.Count;
        if (cut > 0)
            yield return new ContextBlock(string.Create(CultureInfo.InvariantCulture, $"… cut {cut} of {table.Rows.Count} rows"));
    }

    private static string Line(string text, int max = ChatLimits.LineCharacters) =>
        ChatLimits.Line(SecretRedactor.Redact(text), max);

    private static string Block(string text, bool keepEnd = false) =>
        ChatLimits.Truncate(SecretRedactor.Redact(text), ChatLimits.BlockCharacters, ChatLimits.BlockLines, keepEnd);
}
