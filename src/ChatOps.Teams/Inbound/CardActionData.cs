using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// What a button of ours carries, agreed with the card renderer: <c>Action.Execute</c> with <c>verb</c> = the core's
/// action id and <c>data</c> = <c>{ "actionId": "&lt;action id&gt;", "value": "&lt;button value&gt;" }</c>; its
/// <c>Action.Submit</c> fallback carries the same <c>data</c>. Teams merges a card's input values into <c>data</c>, so
/// other properties may be present and are ignored.
/// </summary>
internal sealed record CardActionData(string ActionId, string Value)
{
    public const string ActionIdProperty = "actionId";
    public const string ValueProperty = "value";

    /// <param name="data">The action's data: an invoke's <c>value.action.data</c>, or a Submit message's <c>value</c>.</param>
    /// <param name="verb">An invoke's <c>value.action.verb</c>, read for the action id when the data lacks one.</param>
    public static bool TryRead(JsonElement? data, string? verb, [NotNullWhen(true)] out CardActionData? action)
    {
        action = null;
        if (data is not { ValueKind: JsonValueKind.Object } json) return false;
        var actionId = String(json, ActionIdProperty) ?? verb;
        var value = String(json, ValueProperty);
        if (string.IsNullOrWhiteSpace(actionId) || string.IsNullOrWhiteSpace(value)) return false;
        action = new CardActionData(actionId, value);
        return true;
    }

    /// <summary>An invoke's <c>value</c> is <c>{ "action": { "type": "Action.Execute", "verb", "data" }, "trigger" }</c>.</summary>
    public static bool TryReadInvoke(JsonElement? invokeValue, [NotNullWhen(true)] out CardActionData? action)
    {
        action = null;
        if (invokeValue is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var executed) || executed.ValueKind != JsonValueKind.Object) return false;
        return TryRead(executed.TryGetProperty("data", out var data) ? data : null, String(executed, "verb"), out action);
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
