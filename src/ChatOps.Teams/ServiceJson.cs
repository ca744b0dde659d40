using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Teams;

/// <summary>How the bot reads the JSON that Microsoft's services (the Bot Connector, Graph) answer.</summary>
internal static class ServiceJson
{
    /// <summary>A property that holds a non-empty string, else null.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    /// <summary>A body as JSON; null when it is empty or not JSON (a gateway's error page).</summary>
    public static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>" code: message" of an error answer (<c>{"error":{"code":…,"message":…}}</c>), for a failure's text; empty without one.</summary>
    public static string ErrorDetail(JsonNode? answer) =>
        Text(answer?["error"], "code") is { } code ? $" {code}: {Text(answer?["error"], "message")}" : "";
}
