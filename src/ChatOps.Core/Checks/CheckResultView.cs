using System.Globalization;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Checks;

/// <summary>A check result as a thread message: grade, value, the query that produced it, and its table or lines.</summary>
public static class CheckResultView
{
    public static ChatMessage Render(CheckResult result)
    {
        var check = result.Check;
        var grade = result.Grade.ToString().ToUpperInvariant();
        var headline = result.Error is { } error
            ? $"{grade} · {check.Title}: {error}"
            : $"{grade} · {check.Title}: {result.Observation!.Summary}";
        var blocks = new List<MessageBlock>
        {
            new TextBlock(headline),
            new TextBlock(check.Spec.Describe(), TextStyle.Code),
        };
        if (result.Observation?.Table is { } table) blocks.Add(table);
        if (result.Observation?.Detail is { Length: > 0 } detail) blocks.Add(new TextBlock(detail, TextStyle.Code));
        if (check.Note is { } note) blocks.Add(new TextBlock(note, TextStyle.Quote));
        var thresholds = string.Join(", ", new[] { ("warn", check.Warn), ("critical", check.Critical) }
            .Where(t => t.Item2 is not null).Select(t => $"{t.Item1} when {t.Item2}"));
        blocks.Add(new ContextBlock(string.Create(CultureInfo.InvariantCulture,
            $"{check.Id} on {check.Target} · {result.Elapsed.TotalMilliseconds:0} ms{(thresholds.Length == 0 ? "" : " · " + thresholds)}")));
        return new ChatMessage(headline, blocks);
    }
}
