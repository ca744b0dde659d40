using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static ChatOps.TestKit.Teams.AdaptiveCardSchema;

namespace ChatOps.TestKit.Teams;

/// <summary>
/// Checks a card the bot sends against the Adaptive Cards 1.5 rules Teams applies: the version, only 1.5's element and
/// action types, each with only its own properties and all its required ones, enumerations in range, input ids unique
/// (a submission merges them), mention entities that name a person and match text in the card
/// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format), and the size: Teams
/// refuses a message over about 100 KB measured as UTF-16
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages), and the bot keeps each
/// card within 28 KB. Every problem is named with its JSON path.
/// </summary>
public static class AdaptiveCardRules
{
    public const int MessageLimit = 100 * 1024;
    public const int CardBudget = 28 * 1024;
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The problems of a message activity, or of a connector call's body that carries one (Create Conversation nests it).</summary>
    public static IReadOnlyList<string> CheckActivity(JsonNode? body)
    {
        var activity = body?["activity"] as JsonObject ?? body as JsonObject;
        if (activity is null) return ["$: not a JSON object"];
        var problems = new List<string>();
        if (Str(activity["type"]) != "message") problems.Add("$.type: must be message");
        if (activity.ToJsonString(Compact).Length * 2 > MessageLimit) problems.Add($"$: over Teams' {MessageLimit / 1024} KB message limit");
        var cards = (activity["attachments"] as JsonArray)?.OfType<JsonObject>().Where(a => Str(a["contentType"]) == ContentType).ToList() ?? [];
        if (cards.Count == 0) problems.Add("$.attachments: no Adaptive Card");
        foreach (var attachment in cards) problems.AddRange(Check(attachment["content"]));
        return problems;
    }

    /// <summary>The problems of one card; a card inside an <c>Action.ShowCard</c> is not <paramref name="topLevel"/>.</summary>
    public static IReadOnlyList<string> Check(JsonNode? card, bool topLevel = true)
    {
        var walk = new Walk();
        walk.Card(card, "$", topLevel);
        if (topLevel && card is not null)
        {
            if (Encoding.UTF8.GetByteCount(card.ToJsonString(Compact)) > CardBudget) walk.Problems.Add($"$: over the {CardBudget / 1024} KB card budget");
            walk.Mentions(card["msteams"]?["entities"]);
        }
        return walk.Problems;
    }

    private sealed class Walk
    {
        private readonly HashSet<string> _inputIds = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public List<string> Problems { get; } = [];

        public void Card(JsonNode? node, string path, bool topLevel)
        {
            if (node is not JsonObject card || Str(card["type"]) != "AdaptiveCard")
            {
                Problems.Add($"{path}: not an AdaptiveCard");
                return;
            }
            Properties(card, path, topLevel ? [.. CardProperties, "msteams"] : CardProperties, []);
            if (topLevel && !(Version.TryParse(Str(card["version"]), out var version) && version <= new Version(1, 5)))
                Problems.Add($"{path}.version: must be 1.5 or lower (Teams renders bot cards up to 1.5), was '{card["version"]}'");
            Elements(card["body"], $"{path}.body");
            Actions(card["actions"], $"{path}.actions", showCard: true);
            if (card["selectAction"] is { } select) Action(select, $"{path}.selectAction", showCard: false);
        }

        public void Mentions(JsonNode? entities)
        {
            foreach (var (entity, i) in (entities as JsonArray ?? []).Select((e, i) => (e, i)))
            {
                var path = $"$.msteams.entities[{i}]";
                if (Str(entity?["type"]) != "mention") Problems.Add($"{path}.type: must be mention");
                if (string.IsNullOrEmpty(Str(entity?["mentioned"]?["id"])) || string.IsNullOrEmpty(Str(entity?["mentioned"]?["name"])))
                    Problems.Add($"{path}.mentioned: needs id and name");
                if (Str(entity?["text"]) is not { Length: > 0 } text || !_texts.Any(t => t.Contains(text, StringComparison.Ordinal)))
                    Problems.Add($"{path}.text: matches no text of the card, so Teams ignores the mention");
            }
        }

        private void Elements(JsonNode? node, string path)
        {
            if (node is null) return;
            if (node is not JsonArray items)
            {
                Problems.Add($"{path}: must be an array");
                return;
            }
            for (var i = 0; i < items.Count; i++) Element(items[i], $"{path}[{i}]");
        }

        private void Element(JsonNode? node, string path)
        {
            var type = Str(node?["type"]);
            if (node is not JsonObject element || type is null || !ElementShapes.TryGetValue(type, out var shape))
            {
                Problems.Add($"{path}: '{type}' is not an element of Adaptive Cards 1.5");
                return;
            }
            Properties(element, path, shape.Allowed, shape.Required, type);
            if (Str(element["text"]) is { } text) _texts.Add(text);
            if (type.StartsWith("Input.", StringComparison.Ordinal) && Str(element["id"]) is { } id && !_inputIds.Add(id))
                Problems.Add($"{path}.id: input id '{id}' is used twice");
            if (element["fallback"] is { } fallback && Str(fallback) != "drop") Element(fallback, $"{path}.fallback");
            if (element["selectAction"] is { } select) Action(select, $"{path}.selectAction", showCard: false);
            switch (type)
            {
                case "Container":
                    Elements(element["items"], $"{path}.items");
                    break;
                case "ColumnSet":
                    Parts(element["columns"], $"{path}.columns", "Column", (column, at) => Elements(column["items"], $"{at}.items"));
                    break;
                case "ActionSet":
                    Actions(element["actions"], $"{path}.actions", showCard: true);
                    break;
                case "FactSet":
                    Parts(element["facts"], $"{path}.facts", "Fact", (fact, _) => _texts.Add($"{fact["title"]} {fact["value"]}"));
                    break;
                case "Input.ChoiceSet":
                    Parts(element["choices"], $"{path}.choices", "Input.Choice", (_, _) => { });
                    break;
                case "RichTextBlock":
                    // An inline is a TextRun, or a string as its shorthand.
                    Parts(new JsonArray([.. (element["inlines"] as JsonArray ?? []).Select(i => i is JsonValue ? null : i?.DeepClone()).OfType<JsonNode>()]),
                        $"{path}.inlines", "TextRun", (run, _) => _texts.Add(Str(run["text"]) ?? ""));
                    break;
                case "Table":
                    Parts(element["rows"], $"{path}.rows", "TableRow", (row, at) =>
                        Parts(row["cells"], $"{at}.cells", "TableCell", (cell, c) => Elements(cell["items"], $"{c}.items")));
                    break;
            }
        }

        private void Parts(JsonNode? node, string path, string type, Action<JsonObject, string> inside)
        {
            foreach (var (part, i) in (node as JsonArray ?? []).Select((p, i) => (p, i)))
            {
                var at = $"{path}[{i}]";
                if (part is not JsonObject item || (item["type"] is { } named && Str(named) != type))
                {
                    Problems.Add($"{at}: must be a {type}");
                    continue;
                }
                Properties(item, at, PartShapes[type].Allowed, PartShapes[type].Required, type);
                inside(item, at);
            }
        }

        private void Actions(JsonNode? node, string path, bool showCard)
        {
            foreach (var (action, i) in (node as JsonArray ?? []).Select((a, i) => (a, i))) Action(action, $"{path}[{i}]", showCard);
        }

        private void Action(JsonNode? node, string path, bool showCard)
        {
            var type = Str(node?["type"]);
            if (node is not JsonObject action || type is null || !ActionShapes.TryGetValue(type, out var shape) || (!showCard && type == "Action.ShowCard"))
            {
                Problems.Add($"{path}: '{type}' is not an action of Adaptive Cards 1.5 here");
                return;
            }
            Properties(action, path, shape.Allowed, shape.Required, "Action");
            if (action["data"] is { } data && data.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.String))
                Problems.Add($"{path}.data: must be an object or a string");
            if (action["fallback"] is { } fallback && Str(fallback) != "drop") Action(fallback, $"{path}.fallback", showCard);
            if (type == "Action.ShowCard") Card(action["card"], $"{path}.card", topLevel: false);
        }

        private void Properties(JsonObject node, string path, string[] allowed, string[] required, string? type = null)
        {
            foreach (var (name, value) in node)
            {
                if (!allowed.Contains(name, StringComparer.Ordinal)) Problems.Add($"{path}.{name}: not a property of {type ?? "AdaptiveCard"} in 1.5");
                else if (type is not null && value is JsonValue && Enumeration(type, name) is { } values
                         && !(value.GetValueKind() == JsonValueKind.String && values.Contains(value.GetValue<string>(), StringComparer.OrdinalIgnoreCase)))
                    Problems.Add($"{path}.{name}: '{value}' is not one of {string.Join(", ", values)}");
            }
            foreach (var name in required.Where(r => node[r] is null)) Problems.Add($"{path}.{name}: required");
        }

        private static string[]? Enumeration(string type, string property) =>
            Enumerations.GetValueOrDefault((type, property)) ?? Enumerations.GetValueOrDefault(("*", property));
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>For messages in assertions: every problem on its own line.</summary>
    public static string Describe(IEnumerable<string> problems) => string.Join(Environment.NewLine, problems);
}
