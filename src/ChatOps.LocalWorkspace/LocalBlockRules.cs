using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// The Block Kit limits Slack enforces on a message, checked the way Slack answers (<c>invalid_blocks</c>), so the
/// fake refuses what Slack would refuse and the renderer's limits are tested end to end.
/// </summary>
internal static class LocalBlockRules
{
    public static string? Check(JsonNode? blocks)
    {
        if (blocks is null) return null;
        if (blocks is not JsonArray array) return "invalid_blocks_format";
        if (array.Count > 50) return "invalid_blocks";
        foreach (var block in array.OfType<JsonObject>())
        {
            var ok = (string?)block["type"] switch
            {
                "header" => Length(block["text"]) is > 0 and <= 150,
                "section" => (block["text"] is null || Length(block["text"]) is > 0 and <= 3000)
                             && (block["fields"] is not JsonArray fields || (fields.Count <= 10 && fields.All(f => Length(f) <= 2000)))
                             && (block["text"] is not null || block["fields"] is not null),
                "context" => block["elements"] is JsonArray e && e.Count is > 0 and <= 10 && e.All(x => Length(x) <= 3000),
                "actions" => block["elements"] is JsonArray b && b.Count is > 0 and <= 25 && Buttons(b),
                "divider" or "input" => true,
                _ => false,
            };
            if (!ok) return "invalid_blocks";
        }
        return null;
    }

    private static bool Buttons(JsonArray elements)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements.OfType<JsonObject>())
        {
            var id = (string?)element["action_id"] ?? string.Empty;
            if (id.Length is 0 or > 255 || !ids.Add(id)) return false;
            if (Length(element["text"]) is 0 or > 75) return false;
            if (((string?)element["value"])?.Length > 2000) return false;
        }
        return true;
    }

    private static int Length(JsonNode? text) => ((string?)text?["text"])?.Length ?? 0;
}
