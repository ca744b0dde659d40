using System.Text.Json.Nodes;

namespace ChatOps.Teams.Cards;

/// <summary>
/// What the person who clicked sees at once: the card they clicked, its clicked buttons replaced by a line saying who
/// chose what and that it is being worked on. The work runs from the durable queue; when it has run, the message is
/// updated in place for everyone (PUT), so the receipt only bridges the moment between the click and that update.
/// </summary>
internal static class ClickReceipt
{
    /// <summary>
    /// <paramref name="card"/> with the action set that holds the clicked button (directly or inside one of its inline
    /// cards) replaced; the card as it is when no action set holds it, as in a card already updated past that button.
    /// </summary>
    public static JsonObject Of(JsonObject card, string actionId, string value, string who)
    {
        var copy = card.DeepClone().AsObject();
        Replace(copy["body"] as JsonArray, actionId, value, who);
        return copy;
    }

    /// <summary>The line that stands for the clicked buttons, also the whole answer where the card is not known.</summary>
    public static string Line(string who, string? title) =>
        title is { Length: > 0 } ? $"{who} chose {title}: working on it." : $"{who}: working on it.";

    private static bool Replace(JsonArray? items, string actionId, string value, string who)
    {
        if (items is null) return false;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject element) continue;
            switch ((string?)element["type"])
            {
                case "ActionSet" when Clicked(element["actions"] as JsonArray, actionId, value) is { } clicked:
                    var line = AdaptiveCardRenderer.Text($"_{CardText.EscapeMarkdown(Line(who, (string?)clicked["title"]))}_");
                    if (element["separator"] is { } separator) line["separator"] = separator.DeepClone();
                    items[i] = line;
                    return true;
                case "Container" when Replace(element["items"] as JsonArray, actionId, value, who):
                    return true;
                case "ColumnSet" when (element["columns"] as JsonArray ?? []).OfType<JsonObject>()
                    .Any(column => Replace(column["items"] as JsonArray, actionId, value, who)):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The clicked action among <paramref name="actions"/>; for a button inside the card an <c>Action.ShowCard</c> opens (a
    /// confirmation, a form), that <c>Action.ShowCard</c>, named as the person saw it on the card.
    /// </summary>
    private static JsonObject? Clicked(JsonArray? actions, string actionId, string value)
    {
        foreach (var action in actions?.OfType<JsonObject>() ?? [])
        {
            if ((string?)action["type"] is "Action.Execute" or "Action.Submit"
                && (string?)action["data"]?["actionId"] == actionId && (string?)action["data"]?["value"] == value)
                return action;
            if (action["card"]?["body"] is JsonArray body && body.OfType<JsonObject>()
                    .Any(e => (string?)e["type"] == "ActionSet" && Clicked(e["actions"] as JsonArray, actionId, value) is not null))
                return action;
        }
        return null;
    }
}
