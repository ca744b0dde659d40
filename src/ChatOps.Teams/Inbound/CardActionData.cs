using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// What a button of ours carries, agreed with the card renderer: <c>Action.Execute</c> with <c>verb</c> = the core's
/// action id and <c>data</c> = <c>{ "actionId": "&lt;action id&gt;", "value": "&lt;button value&gt;" }</c>; its
/// <c>Action.Submit</c> fallback carries the same <c>data</c>. Teams merges a card's input values into <c>data</c>, so
/// other properties may be present. A form's inputs are named <c>field.&lt;id&gt;</c> and its data lists them, in order, under
/// <c>fields</c> (see <see cref="Cards.CardActions"/>); those are kept, every other property is ignored.
/// </summary>
internal sealed record CardActionData(string ActionId, string Value)
{
    public const string ActionIdProperty = "actionId";
    public const string ValueProperty = "value";

    /// <summary>More fields than any form of ours has: a longer list is not one of our cards.</summary>
    public const int MaxFields = 20;

    /// <summary>The form's input ids, in the order their answers complete the command; null when the action is no form.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The inputs' values by id (only <c>field.*</c> ids), as Teams merged them into the data.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The clicked button's title as Teams reports it in an invoke (<c>value.action.title</c>); null when absent.</summary>
    public string? Title { get; init; }

    /// <summary>An input's value, trimmed; null when it is missing or blank.</summary>
    public string? Input(string id) => Inputs.GetValueOrDefault(id)?.Trim() is { Length: > 0 } value ? value : null;

    /// <param name="data">The action's data: an invoke's <c>value.action.data</c>, or a Submit message's <c>value</c>.</param>
    /// <param name="verb">An invoke's <c>value.action.verb</c>, read for the action id when the data lacks one.</param>
    public static bool TryRead(JsonElement? data, string? verb, [NotNullWhen(true)] out CardActionData? action)
    {
        action = null;
        if (data is not { ValueKind: JsonValueKind.Object } json) return false;
        var actionId = String(json, ActionIdProperty) ?? verb;
        var value = String(json, ValueProperty);
        if (string.IsNullOrWhiteSpace(actionId) || string.IsNullOrWhiteSpace(value)) return false;
        action = new CardActionData(actionId, value) { Fields = FieldList(json), Inputs = InputsOf(json) };
        return true;
    }

    /// <summary>An invoke's <c>value</c> is <c>{ "action": { "type": "Action.Execute", "verb", "data" }, "trigger" }</c>.</summary>
    public static bool TryReadInvoke(JsonElement? invokeValue, [NotNullWhen(true)] out CardActionData? action)
    {
        action = null;
        if (invokeValue is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var executed) || executed.ValueKind != JsonValueKind.Object) return false;
        if (!TryRead(executed.TryGetProperty("data", out var data) ? data : null, String(executed, "verb"), out action)) return false;
        action = action with { Title = String(executed, "title") };
        return true;
    }

    private static List<string>? FieldList(JsonElement json)
    {
        if (!json.TryGetProperty(Cards.CardActions.FormFields, out var fields) || fields.ValueKind != JsonValueKind.Array) return null;
        return [.. fields.EnumerateArray().Take(MaxFields + 1)
            .Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() ?? "" : "")];
    }

    private static Dictionary<string, string> InputsOf(JsonElement json) =>
        json.EnumerateObject()
            .Where(p => p.Name.StartsWith(Cards.CardActions.FieldPrefix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.GetString()!, StringComparer.Ordinal);

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
