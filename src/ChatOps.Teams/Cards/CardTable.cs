using System.Text.Json.Nodes;
using ChatOps.Core.Messages;

namespace ChatOps.Teams.Cards;

/// <summary>
/// A table as one <c>ColumnSet</c> per row (Adaptive Cards 1.5 in Teams has no table element), the header row bold.
/// Each row is its own element so that a long table can be cut row by row.
/// </summary>
internal static class CardTable
{
    public static IEnumerable<JsonObject> Rows(TableBlock table, CardMentions mentions)
    {
        var width = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (width == 0) yield break;
        yield return Row(table.Columns, width, mentions, bold: true);
        foreach (var row in table.Rows) yield return Row(row, width, mentions, bold: false);
    }

    private static JsonObject Row(IReadOnlyList<string> cells, int width, CardMentions mentions, bool bold)
    {
        var columns = new JsonArray();
        for (var c = 0; c < width; c++)
        {
            var cell = c < cells.Count ? CardLimits.Line(cells[c], CardLimits.CellChars) : "";
            var text = AdaptiveCardRenderer.Text(cell.Length == 0 ? " " : CardText.Escape(cell, mentions), weight: bold ? "Bolder" : null);
            columns.Add(new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(text) });
        }
        return new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns };
    }
}
