using System.Text.Json.Nodes;
using ChatOps.Core.Messages;

namespace ChatOps.Teams.Cards;

/// <summary>
/// Buttons as Universal Actions: <c>Action.Execute</c> with the verb <see cref="AdaptiveCard.Verb"/> and
/// <c>data</c> <c>{ "actionId", "value" }</c>, and an <c>Action.Submit</c> fallback with the same data for clients
/// without Universal Actions (https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model).
/// Teams has no confirmation dialog and no danger styling, so a button that must ask first, or that opens a form,
/// becomes an <c>Action.ShowCard</c> whose card holds the question or the fields and the button that sends.
/// </summary>
internal static class CardActions
{
    /// <summary>The data key that lists a form's input ids, in the order their answers complete the command.</summary>
    public const string FormFields = "fields";

    /// <summary>Prefix of a form's input ids, so that an answer can never overwrite <c>actionId</c> or <c>value</c>.</summary>
    public const string FieldPrefix = "field.";

    public static JsonObject Button(Button button)
    {
        var title = Title(button.Label);
        if (button.Form is { } form) return ShowCard(title, FormCard(form, button.ActionId));
        var dialog = button.Confirm ?? (button.Style == ButtonStyle.Danger ? new Confirm($"{button.Label}?", "Are you sure?", button.Label) : null);
        if (dialog is null) return Execute(title, Data(button.ActionId, button.Value));
        return ShowCard(title, new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(
                AdaptiveCardRenderer.Text($"**{CardText.EscapeMarkdown(CardLimits.Line(Blank(dialog.Title, "Are you sure?"), 200))}**"),
                AdaptiveCardRenderer.Text(CardText.EscapeMarkdown(CardLimits.Line(Blank(dialog.Text, "Are you sure?"), 1000))),
                ActionSet(Execute(Title(Blank(dialog.ConfirmLabel, "Confirm")), Data(button.ActionId, button.Value)))),
        });
    }

    private static JsonObject FormCard(FormRequest form, string actionId)
    {
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(form.Text)) body.Add(AdaptiveCardRenderer.Text(CardText.EscapeMarkdown(CardLimits.Line(form.Text, 1000))));
        var ids = new JsonArray();
        foreach (var field in form.Fields)
        {
            var id = FieldPrefix + field.Id;
            ids.Add(id);
            var input = field.Choices.Count > 0
                ? new JsonObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["style"] = "filtered",
                    ["choices"] = new JsonArray([.. field.Choices.Take(CardLimits.Choices).Select(c => (JsonNode)new JsonObject { ["title"] = CardLimits.Line(c, 200), ["value"] = c })]),
                }
                : new JsonObject { ["type"] = "Input.Text" };
            input["id"] = id;
            input["label"] = CardLimits.Line(field.Label, 200);
            input["isRequired"] = true;
            if (field.Hint is { } hint) input["placeholder"] = CardLimits.Line(hint, 200);
            body.Add(input);
        }
        var data = Data(actionId, form.Command);
        data[FormFields] = ids;
        body.Add(ActionSet(Execute(Title(Blank(form.Submit, "Submit")), data)));
        return new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body };
    }

    internal static JsonObject Execute(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = AdaptiveCard.Verb,
        ["data"] = data,
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
    };

    private static JsonObject ShowCard(string title, JsonObject card) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    // Action.Execute works on old clients only inside an ActionSet.
    internal static JsonObject ActionSet(JsonObject action) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(action) };

    private static JsonObject Data(string actionId, string value) => new() { ["actionId"] = actionId, ["value"] = value };

    private static string Title(string label) => CardLimits.Line(Blank(label, "(no label)"), CardLimits.ButtonTitle);

    private static string Blank(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
