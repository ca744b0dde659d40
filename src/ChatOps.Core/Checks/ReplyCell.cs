using System.Text.Json.Serialization;

namespace ChatOps.Core.Checks;

/// <summary>One cell of a query result: SQL NULL (neither set), a number, or text; in JSON null, a number or a string.</summary>
[JsonConverter(typeof(ReplyCellJsonConverter))]
public readonly record struct ReplyCell(string? Text, double? Number)
{
    public static ReplyCell Null => default;

    public bool IsNull => Text is null && Number is null;

    public static ReplyCell Of(double number) => new(null, number);

    public static ReplyCell Of(string text) => new(text, null);
}
