using System.Globalization;
using ChatOps.Core.Checks;
using Npgsql;

namespace ChatOps.Targets.Checks;

/// <summary>Cells of a query result as a reply keeps them (a number, text, or NULL), and as chat shows them.</summary>
internal static class PostgresCells
{
    private const int MaxCellLength = 200;

    public static ReplyCell Cell(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return ReplyCell.Null;
        return reader.GetValue(ordinal) switch
        {
            decimal m => ReplyCell.Of((double)m),
            double d => ReplyCell.Of(d),
            float f => ReplyCell.Of(f),
            // A double holds integers exactly up to 2^53; a larger one (an id, say) is kept as its digits.
            long l when Math.Abs(l) <= 1L << 53 => ReplyCell.Of(l),
            long l => ReplyCell.Of(l.ToString(CultureInfo.InvariantCulture)),
            int i => ReplyCell.Of(i),
            short s => ReplyCell.Of(s),
            DateOnly d => ReplyCell.Of(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTime d when reader.GetDataTypeName(ordinal) == "date" => ReplyCell.Of(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTime d => ReplyCell.Of(d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            DateTimeOffset d => ReplyCell.Of(d.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
            IFormattable f => ReplyCell.Of(Line(f.ToString(null, CultureInfo.InvariantCulture))),
            var other => ReplyCell.Of(Line(other.ToString() ?? "")),
        };
    }

    /// <summary>The cell as one line of a table: NULL as <c>null</c>, numbers without float noise, text folded and cut.</summary>
    public static string Text(ReplyCell cell) =>
        cell.Number is { } number ? NumberText.Format(number) : cell.Text is { } text ? Line(text) : "null";

    // A cell is one line of a table: fold newlines and cut long text (the whole response is rarely what a responder needs).
    // Cutting again what was cut changes nothing, so a reply kept cut reads the same when replayed.
    private static string Line(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxCellLength + 1 && (line.Length <= MaxCellLength || line.EndsWith('…')) ? line : line[..MaxCellLength] + "…";
    }
}
