using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Scenarios;

/// <summary>
/// YAML as the JSON it stands for, so that a scenario writes a target's JSON answer in YAML: a plain scalar that reads
/// as a JSON number, <c>true</c>, <c>false</c> or null is that; everything quoted is a string (Prometheus writes
/// sample values as strings, <c>"94.6"</c>).
/// </summary>
internal static partial class YamlJson
{
    public static string Write(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The scalar's value as JSON would read it: null, a number, true/false, or text.</summary>
    public static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return text;
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return true;
        if (text is "false" or "False" or "FALSE") return false;
        return JsonNumber().IsMatch(text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : text;
    }

    public static bool IsNumber(YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain && JsonNumber().IsMatch(scalar.Value ?? "");

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName((key as YamlScalarNode)?.Value ?? "");
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when IsNumber(scalar):
                // Written as typed, so that 1767286800 stays an integer and 0.10 keeps its digits.
                writer.WriteRawValue(scalar.Value!);
                break;
            case YamlScalarNode scalar:
                switch (Scalar(scalar))
                {
                    case null: writer.WriteNullValue(); break;
                    case bool b: writer.WriteBooleanValue(b); break;
                    case var other: writer.WriteStringValue((string)other); break;
                }
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
