using System.Text.Json.Nodes;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;

namespace ChatOps.Teams.Cards;

/// <summary>
/// <c>declare</c> without a title, in Teams: Slack opens a modal from the command's trigger id, Teams has none, so the
/// bot posts this form where the person asked. Its button carries <see cref="ActionId"/>, owned by the Teams door, and
/// the inputs (title, severity preselected from what was typed, optional description) arrive merged into its data.
/// </summary>
internal static class DeclareCard
{
    /// <summary>The Teams door's own action: not one of the core's, so no other platform ever sees it.</summary>
    public const string ActionId = "teams.declare";

    public const string Command = "declare";
    public const string TitleInput = CardActions.FieldPrefix + "title";
    public const string SeverityInput = CardActions.FieldPrefix + "severity";
    public const string DescriptionInput = CardActions.FieldPrefix + "description";
    public const int MaxDescription = 3000;

    public static JsonObject Activity(Severity initial)
    {
        var data = new JsonObject { ["actionId"] = ActionId, ["value"] = Command };
        var body = new JsonArray(
            AdaptiveCardRenderer.Text("**Declare an incident**", size: "Medium"),
            new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = TitleInput,
                ["label"] = "Title",
                ["isRequired"] = true,
                ["errorMessage"] = "An incident needs a title.",
                ["maxLength"] = DeclareIncident.MaxTitle,
                ["placeholder"] = "What is broken, in one line",
            },
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = SeverityInput,
                ["label"] = "Severity",
                ["isRequired"] = true,
                ["value"] = Value(initial),
                ["choices"] = new JsonArray([.. Enum.GetValues<Severity>().Select(s => (JsonNode)new JsonObject { ["title"] = s.Label(), ["value"] = Value(s) })]),
            },
            new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = DescriptionInput,
                ["label"] = "Description (optional)",
                ["isMultiline"] = true,
                ["maxLength"] = MaxDescription,
            },
            CardActions.ActionSet(CardActions.Execute("Declare", data)));
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = "Declare an incident",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCard.ContentType,
                ["content"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["$schema"] = AdaptiveCard.Schema,
                    ["version"] = AdaptiveCard.Version,
                    ["body"] = body,
                    ["msteams"] = new JsonObject { ["width"] = "Full" },
                },
            }),
        };
    }

    /// <summary>The severity in <c>declare sev2</c> (typed without a title), to preselect it in the form.</summary>
    public static Severity Named(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => SeverityText.TryParse(t, out var s) ? s : (Severity?)null)
            .FirstOrDefault(s => s is not null) ?? Severity.Sev3;

    private static string Value(Severity severity) => severity.Label().ToLowerInvariant();
}
