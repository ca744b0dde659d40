using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Checks;

/// <summary>
/// A target's reply as a timeline entry keeps it: JSON, every text in it redacted (a label, a cell, a log line, a body's
/// strings), and only when it is small enough for an entry; an incident written out as a scenario reads it back.
/// </summary>
public static class ReplyJson
{
    /// <summary>Longer replies are not kept: the entry stays small, and the scenario says the answer was not recorded.</summary>
    public const int MaxCharacters = 256 * 1024;

    public static string? Write(TargetReply reply)
    {
        var json = JsonSerializer.Serialize(Redacted(reply), ReplyJsonContext.Default.TargetReply);
        return json.Length <= MaxCharacters ? json : null;
    }

    /// <summary>The reply a timeline entry kept; null when the text is not one.</summary>
    public static TargetReply? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReplyJsonContext.Default.TargetReply);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TargetReply Redacted(TargetReply reply) => reply switch
    {
        PrometheusReply vector => new PrometheusReply(RedactJson(vector.Result)),
        HttpReply http => http with { Body = RedactJson(http.Body) },
        RedisValueReply get => new RedisValueReply(get.Value is { } value ? SecretRedactor.Redact(value) : null),
        RedisInfoReply info => new RedisInfoReply(
            info.Fields.ToDictionary(f => f.Key, f => SecretRedactor.Redact(f.Value), StringComparer.Ordinal)),
        PostgresReply rows => rows with
        {
            Rows = [.. rows.Rows.Select(r => (IReadOnlyList<ReplyCell>)[.. r.Select(Redacted)])],
        },
        PodLogsReply logs => new PodLogsReply(logs.Pods.ToDictionary(
            p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Select(SecretRedactor.Redact)], StringComparer.Ordinal)),
        FailedReply failed => new FailedReply(SecretRedactor.Redact(failed.Error)),
        _ => reply,
    };

    private static ReplyCell Redacted(ReplyCell cell) => cell.Text is { } text ? ReplyCell.Of(SecretRedactor.Redact(text)) : cell;

    /// <summary>JSON with each string redacted on its own, so that the result is still the same JSON; other text whole.</summary>
    private static string RedactJson(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return SecretRedactor.Redact(text);
        }
        return root switch
        {
            null => text,
            _ when AsText(root) is { } whole => JsonValue.Create(SecretRedactor.Redact(whole)).ToJsonString(),
            _ => Redact(root).ToJsonString(),
        };
    }

    /// <summary>Redacts the strings of a container in place; a string itself is replaced by its parent.</summary>
    private static JsonNode Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (AsText(value) is { } text) obj[key] = SecretRedactor.Redact(text);
                    else if (value is not null) Redact(value);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (AsText(array[i]) is { } text) array[i] = SecretRedactor.Redact(text);
                    else if (array[i] is { } item) Redact(item);
                }
                break;
        }
        return node;
    }

    private static string? AsText(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

[JsonSerializable(typeof(TargetReply))]
internal sealed partial class ReplyJsonContext : JsonSerializerContext;
