using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Messages;

namespace ChatOps.Targets.Checks;

/// <summary>
/// A query's rows as an observation: at most <c>max-rows</c> of them in a table (a reply holding one more row says the
/// query had more), <c>count</c> the rows read, <c>value</c> the <c>value-column</c> of the first row.
/// </summary>
internal static class PostgresAnswer
{
    public static CheckObservation Read(PostgresCheck spec, PostgresReply reply)
    {
        var columns = reply.Columns;
        var valueOrdinal = spec.ValueColumn is null ? -1 : columns.ToList().IndexOf(spec.ValueColumn);
        if (spec.ValueColumn is not null && valueOrdinal < 0)
            throw new CheckFailedException(
                $"the query has no column '{spec.ValueColumn}' (value-column); it has {string.Join(", ", columns)}");

        var more = reply.Rows.Count > spec.MaxRows;
        var kept = reply.Rows.Take(spec.MaxRows).ToList();
        double? value = null;
        if (kept.Count > 0 && valueOrdinal >= 0)
        {
            var cell = kept[0][valueOrdinal];
            value = cell.IsNull ? null : cell.Number ?? throw new CheckFailedException($"value-column '{spec.ValueColumn}' is text, not a number");
        }
        var rows = kept.Select(r => (IReadOnlyList<string>)[.. r.Select(PostgresCells.Text)]).ToList();

        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal) { ["count"] = ExpressionValue.Of(rows.Count) };
        if (value is { } v) values["value"] = ExpressionValue.Of(v);
        var summary = rows.Count switch
        {
            0 => "no rows",
            1 => "1 row",
            _ => string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows"),
        };
        if (more) summary = string.Create(CultureInfo.InvariantCulture, $"first {rows.Count} rows (max-rows); the query has more");
        if (spec.ValueColumn is not null && rows.Count > 0)
            summary = $"{spec.ValueColumn} = {(value is { } n ? NumberText.Format(n) : "null")} · {summary}";
        var empty = rows.Count == 0 ? "the query returned no rows"
            : spec.ValueColumn is not null && value is null ? $"{spec.ValueColumn} is null in the first row"
            : null;
        return new CheckObservation(values, summary, rows.Count == 0 ? null : new TableBlock(columns, rows), NoData: empty) { Reply = reply };
    }
}
