using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Core.Checks;

/// <summary>A cell as the JSON value it is: null, a number or a string.</summary>
internal sealed class ReplyCellJsonConverter : JsonConverter<ReplyCell>
{
    public override ReplyCell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => ReplyCell.Null,
        JsonTokenType.Number => ReplyCell.Of(reader.GetDouble()),
        JsonTokenType.String => ReplyCell.Of(reader.GetString()!),
        var other => throw new JsonException($"a cell is null, a number or a string, not {other}"),
    };

    public override void Write(Utf8JsonWriter writer, ReplyCell value, JsonSerializerOptions options)
    {
        if (value.Number is { } number) writer.WriteNumberValue(number);
        else if (value.Text is { } text) writer.WriteStringValue(text);
        else writer.WriteNullValue();
    }
}
