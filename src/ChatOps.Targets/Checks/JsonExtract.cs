using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;

namespace ChatOps.Targets.Checks;

/// <summary>
/// The small jq subset runbooks use to read a number from a JSON answer: <c>.</c>, <c>.a.b</c>,
/// <c>.items[0].score</c>, each optionally followed by <c>| length</c>. The loader has checked the shape.
/// </summary>
internal static class JsonExtract
{
    /// <summary>The value the path reads, or null when it leads nowhere (as jq's <c>null</c>).</summary>
    public static ExpressionValue? Read(JsonElement root, string path)
    {
        var pipe = path.IndexOf('|', StringComparison.Ordinal);
        var steps = (pipe < 0 ? path : path[..pipe]).Trim();
        var length = pipe >= 0;
        JsonElement? current = root;
        foreach (var step in Steps(steps))
        {
            current = current is { } node ? Step(node, step) : null;
        }
        if (length) return ExpressionValue.Of(Length(current, path));
        return current switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } n => ExpressionValue.Of(n.GetDouble()),
            { ValueKind: JsonValueKind.String } s =>
                double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? ExpressionValue.Of(d)
                    : ExpressionValue.Of(s.GetString()!),
            { ValueKind: JsonValueKind.True } => ExpressionValue.Of("true"),
            { ValueKind: JsonValueKind.False } => ExpressionValue.Of("false"),
            { ValueKind: var kind } =>
                throw new CheckFailedException($"'{path}' reads {Article(kind)}, not a number; add '| length' to count it"),
        };
    }

    // jq: null | length is 0, an array or object its size, a string its characters.
    private static double Length(JsonElement? element, string path) => element switch
    {
        null or { ValueKind: JsonValueKind.Null } => 0,
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength(),
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Count(),
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Length,
        { ValueKind: JsonValueKind.Number } n => Math.Abs(n.GetDouble()),
        { ValueKind: var kind } => throw new CheckFailedException($"'{path}' reads {Article(kind)}, which has no length"),
    };

    private static JsonElement? Step(JsonElement node, string step)
    {
        if (step.StartsWith('['))
        {
            var index = int.Parse(step[1..^1], CultureInfo.InvariantCulture);
            return node.ValueKind == JsonValueKind.Array && index < node.GetArrayLength() ? node[index] : null;
        }
        return node.ValueKind == JsonValueKind.Object && node.TryGetProperty(step, out var child) ? child : null;
    }

    private static IEnumerable<string> Steps(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                if (end > i + 1) yield return path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i) + 1;
                yield return path[i..end];
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
