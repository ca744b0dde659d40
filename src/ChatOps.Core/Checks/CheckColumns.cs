using ChatOps.Core.Incidents;

namespace ChatOps.Core.Checks;

/// <summary>
/// The columns of a result's rows that a check keeps (<see cref="CheckDefinition.KeptColumns"/>), as timeline event
/// data: one key per column, its distinct values one a line, the first rows first.
/// </summary>
public static class CheckColumns
{
    /// <summary>Marks a column in event data; <see cref="CheckValues"/> reads everything else as result values.</summary>
    internal const string Prefix = "column.";

    // What a form can offer usefully; a check that names more (max-rows 1000) keeps its first rows.
    private const int MaxValues = 25;

    public static IEnumerable<(string Key, string? Value)> ToData(CheckResult result)
    {
        if (result.Observation?.Table is not { } table) yield break;
        foreach (var column in result.Check.KeptColumns)
        {
            var index = table.Columns.ToList().IndexOf(column);
            if (index < 0) continue;
            var values = table.Rows.Where(r => index < r.Count).Select(r => r[index].Trim())
                .Where(v => v.Length > 0 && !v.Contains('\n', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Take(MaxValues).ToList();
            if (values.Count > 0) yield return (Prefix + column, string.Join('\n', values));
        }
    }

    /// <summary>The values of <paramref name="column"/> in the latest recorded result of a runbook's check, first rows first.</summary>
    public static IReadOnlyList<string> Latest(IEnumerable<TimelineEvent> timeline, string runbook, string check, string column)
    {
        var latest = timeline.LastOrDefault(e => e.Kind == TimelineKind.CheckRan
            && e.Details.GetValueOrDefault("runbook") == runbook && e.Details.GetValueOrDefault("check") == check);
        return latest?.Details.GetValueOrDefault(Prefix + column) is { } values ? values.Split('\n') : [];
    }
}
