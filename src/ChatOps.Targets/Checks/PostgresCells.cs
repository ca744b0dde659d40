using System.Globalization;
using Npgsql;

namespace ChatOps.Targets.Checks;

/// <summary>Cells of a query result as chat text, and the number a <c>value-column</c> reads.</summary>
internal static class PostgresCells
{
    private const int MaxCellLength = 200;

    public static string Text(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return "null";
        var text = reader.GetValue(ordinal) switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d when reader.GetDataTypeName(ordinal) == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture),
            decimal m => NumberText.Format((double)m),
            double f => NumberText.Format(f),
            float f => NumberText.Format(f),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
        // A cell is one line of a table: fold newlines and cut long text (the whole response is rarely what a responder needs).
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxCellLength ? line : line[..MaxCellLength] + "…";
    }

    public static double? Number(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : reader.GetValue(ordinal) switch
            {
                decimal m => (double)m,
                double d => d,
                float f => f,
                long l => l,
                int i => i,
                short s => s,
                _ => throw new ChatOps.Core.Checks.CheckFailedException(
                    $"value-column '{reader.GetName(ordinal)}' is {reader.GetDataTypeName(ordinal)}, not a number"),
            };
}
