using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Core.Incidents;

namespace ChatOps.Storage;

/// <summary>The JSON columns (action items, lessons, event data), with source-generated serialisation.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ActionItem>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(StoredState))]
internal sealed partial class StorageJson : JsonSerializerContext
{
    public static string Items(IEnumerable<ActionItem> items) => JsonSerializer.Serialize(items.ToList(), Default.ListActionItem);

    // Most incidents have no action items, lessons or event data: their empty JSON is read without a parser.
    public static ImmutableList<ActionItem> Items(string json) =>
        json == "[]" ? [] : [.. JsonSerializer.Deserialize(json, Default.ListActionItem) ?? []];

    public static string Texts(IEnumerable<string> texts) => JsonSerializer.Serialize(texts.ToList(), Default.ListString);

    public static ImmutableList<string> Texts(string json) =>
        json == "[]" ? [] : [.. JsonSerializer.Deserialize(json, Default.ListString) ?? []];

    public static string? State(ChatOps.Core.Mitigations.MitigationState? state) =>
        state is null
            ? null
            : JsonSerializer.Serialize(
                new StoredState(
                    state.Description, new SortedDictionary<string, string>(state.Values.ToDictionary(), StringComparer.Ordinal)),
                Default.StoredState);

    public static ChatOps.Core.Mitigations.MitigationState? State(object value) =>
        value is string json && JsonSerializer.Deserialize(json, Default.StoredState) is { } s ? new(s.Description, s.Values) : null;

    public static string Data(IReadOnlyDictionary<string, string> data) =>
        JsonSerializer.Serialize(
            new SortedDictionary<string, string>(data.ToDictionary(), StringComparer.Ordinal), Default.SortedDictionaryStringString);

    public static ImmutableSortedDictionary<string, string> Data(string json) => json == "{}"
        ? NoData
        : (JsonSerializer.Deserialize(json, Default.SortedDictionaryStringString) ?? [])
            .ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static readonly ImmutableSortedDictionary<string, string> NoData =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
}

/// <summary>A mitigation state as stored: what people read, and the values that restore it.</summary>
internal sealed record StoredState(string Description, SortedDictionary<string, string> Values);
