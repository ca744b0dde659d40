using System.Globalization;
using System.Text.Json.Nodes;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The patch formats the API server takes: JSON merge patch (RFC 7386) and JSON patch (RFC 6902: add, remove,
/// replace, test). A strategic merge patch is applied as a merge patch: the same for maps, which is all the bot sends;
/// only lists with merge keys (containers by name) would differ.
/// </summary>
public static class JsonPatches
{
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes) return patch?.DeepClone();
        var result = target is JsonObject existing ? (JsonObject)existing.DeepClone() : new JsonObject();
        foreach (var (key, value) in changes)
        {
            if (value is null) result.Remove(key);
            else result[key] = Merge(result[key], value);
        }
        return result;
    }

    /// <summary>Applies the operations in order; throws <see cref="InvalidOperationException"/> naming the first that cannot apply.</summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var result = document.DeepClone();
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = (string?)operation["op"];
            var path = (string?)operation["path"] ?? throw new InvalidOperationException("an operation has no path");
            var (parent, key) = Locate(result, path);
            var value = operation["value"]?.DeepClone();
            switch (op)
            {
                case "test":
                    if (!JsonNode.DeepEquals(Child(parent, key), operation["value"]))
                        throw new InvalidOperationException($"testing value {path} failed");
                    break;
                case "remove":
                    if (Child(parent, key) is null) throw new InvalidOperationException($"unable to remove nonexistent key: {path}");
                    Remove(parent, key);
                    break;
                case "replace":
                    if (Child(parent, key) is null) throw new InvalidOperationException($"replace operation does not apply: doc is missing key: {path}");
                    Remove(parent, key);
                    Add(parent, key, value);
                    break;
                case "add":
                    if (parent is JsonObject) Remove(parent, key);
                    Add(parent, key, value);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected kind of operation: {op}");
            }
        }
        return result;
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode document, string path)
    {
        if (!path.StartsWith('/')) throw new InvalidOperationException($"path {path} must start with /");
        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        var node = document;
        foreach (var token in tokens[..^1])
            node = Child(node, token) ?? throw new InvalidOperationException($"doc is missing path: {path}");
        return (node, tokens[^1]);
    }

    private static JsonNode? Child(JsonNode node, string key) => node switch
    {
        JsonObject o => o[key],
        JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static void Remove(JsonNode parent, string key)
    {
        if (parent is JsonObject o) o.Remove(key);
        else if (parent is JsonArray a) a.RemoveAt(int.Parse(key, CultureInfo.InvariantCulture));
    }

    private static void Add(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonObject o) o[key] = value;
        else if (parent is JsonArray a) a.Insert(key == "-" ? a.Count : int.Parse(key, CultureInfo.InvariantCulture), value);
        else throw new InvalidOperationException($"cannot add {key} to a value that is neither an object nor an array");
    }
}
