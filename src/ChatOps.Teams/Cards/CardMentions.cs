using System.Text.Json.Nodes;

namespace ChatOps.Teams.Cards;

/// <summary>
/// The mentions a card makes. Teams turns <c>&lt;at&gt;Name&lt;/at&gt;</c> in a card into a mention only when
/// <c>msteams.entities</c> holds an entry whose <c>text</c> is that exact string and whose <c>mentioned.id</c> names the
/// person (for a card, the AAD object id or UPN;
/// https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).
/// </summary>
/// <param name="names">Display names by AAD object id, for a mention that carries none.</param>
internal sealed class CardMentions(Func<string, string?>? names = null)
{
    private readonly Dictionary<string, (string Id, string Name)> _byText = new(StringComparer.Ordinal);

    /// <summary>Records a mention of <paramref name="user"/> and returns the text that shows it.</summary>
    public string Add(string user, string? label)
    {
        var given = string.IsNullOrWhiteSpace(label) ? names?.Invoke(user) : label;
        var name = string.IsNullOrWhiteSpace(given) ? "someone" : given.Trim();
        // Two people with one name (or none known) would share an entity text; each needs its own to be mentioned.
        var shown = name;
        for (var n = 2; _byText.TryGetValue($"<at>{shown}</at>", out var known) && known.Id != user; n++) shown = $"{name} ({n})";
        var text = $"<at>{shown}</at>";
        _byText[text] = (user, name);
        return text;
    }

    /// <summary>The entities for the mentions whose text is still in <paramref name="cardJson"/> (a cut card keeps only its own).</summary>
    public JsonArray Entities(string cardJson)
    {
        var entities = new JsonArray();
        foreach (var (text, (id, name)) in _byText)
        {
            if (!cardJson.Contains(JsonValue.Create(text).ToJsonString(AdaptiveCard.JsonOptions).Trim('"'), StringComparison.Ordinal)) continue;
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = text,
                ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
            });
        }
        return entities;
    }
}
