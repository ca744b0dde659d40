using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Messages;

namespace ChatOps.Teams.Cards;

/// <summary>
/// Renders the core's neutral message as one Adaptive Card 1.5 in a message activity. All user text is escaped
/// (<see cref="CardText"/>); the activity stays within <see cref="CardLimits.ActivityBytes"/>, and wherever something was
/// cut the card says so.
/// </summary>
internal static class AdaptiveCardRenderer
{
    /// <summary>
    /// The activity to send. It carries the card and a <c>summary</c> (the notification text) but no <c>text</c>:
    /// Teams splits a message with text and an attachment into two, and the second has no id to update
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
    /// </summary>
    /// <param name="names">
    /// Display names of Teams people by AAD object id, for mentions the core wrote without one (a person named by id
    /// alone); such a mention of someone not named here reads "someone".
    /// </param>
    public static JsonObject Activity(ChatMessage message, Func<string, string?>? names = null)
    {
        var mentions = new CardMentions(names);
        var elements = Elements(message, mentions);
        // The notification text names people as the card does; an id means nothing to anyone reading it.
        var summary = CardLimits.Line(Mention.Replace(message.Summary, (person, label) =>
            "@" + (label ?? (person.Platform == TeamsPlatform.Name ? names?.Invoke(person.User) : null) ?? "someone")), 1000);
        return Fit(elements, mentions, summary);
    }

    private static List<JsonObject> Elements(ChatMessage message, CardMentions mentions)
    {
        var elements = new List<JsonObject>();
        var separator = false;
        foreach (var block in message.Blocks)
        {
            var start = elements.Count;
            switch (block)
            {
                case HeaderBlock header when !string.IsNullOrWhiteSpace(header.Text):
                    elements.Add(Text(CardText.Escape(CardLimits.Line(header.Text, 300), mentions), weight: "Bolder", size: "Medium"));
                    break;
                case TextBlock text when !string.IsNullOrWhiteSpace(text.Text):
                    elements.Add(Styled(text, mentions));
                    break;
                case FieldsBlock fields when fields.Fields.Count > 0:
                    elements.Add(new JsonObject
                    {
                        ["type"] = "FactSet",
                        ["facts"] = new JsonArray([.. fields.Fields.Select(f => (JsonNode)new JsonObject
                        {
                            ["title"] = CardText.Escape(CardLimits.Line(f.Label, 100), mentions),
                            ["value"] = CardText.Escape(f.Value.Length == 0 ? "-" : Capped(f.Value, CardLimits.CellChars * 4), mentions),
                        })]),
                    });
                    break;
                case TableBlock table:
                    elements.AddRange(CardTable.Rows(table, mentions));
                    break;
                case ActionsBlock actions when actions.Buttons.Count > 0:
                    elements.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions.Buttons.Select(b => (JsonNode)CardActions.Button(b))]) });
                    break;
                case ContextBlock context when !string.IsNullOrWhiteSpace(context.Text):
                    elements.Add(Small(CardText.Escape(Capped(context.Text, CardLimits.TextChars), mentions)));
                    break;
                case DividerBlock:
                    separator = true;
                    break;
                case AttachmentBlock attachment:
                    // A channel message cannot carry a file without SharePoint; the document is shown as text instead.
                    elements.Add(Text($"**{CardText.EscapeMarkdown(CardLimits.Line(attachment.Title, 200))}** ({CardText.EscapeMarkdown(CardLimits.Line(attachment.FileName, 200))})"));
                    elements.Add(Monospace(CardText.Escape(Capped(attachment.Content, CardLimits.TextChars), mentions)));
                    break;
            }
            if (separator && elements.Count > start)
            {
                elements[start]["separator"] = true;
                separator = false;
            }
        }
        return elements;
    }

    /// <summary>Builds the activity, dropping elements from the end (with a note saying how many) until it fits.</summary>
    private static JsonObject Fit(List<JsonObject> elements, CardMentions mentions, string summary)
    {
        var sizes = elements.Select(e => Encoding.UTF8.GetByteCount(e.ToJsonString(AdaptiveCard.JsonOptions)) + 1).ToList();
        var keep = elements.Count;
        while (true)
        {
            var cut = elements.Count - keep;
            var body = elements.Take(keep).Select(e => e.DeepClone().AsObject()).ToList();
            if (cut > 0) body.Add(Small(CardText.EscapeMarkdown(CardLimits.CutNote(cut, cut == 1 ? "card element" : "card elements"))));
            var entities = mentions.Entities(string.Concat(body.Select(e => e.ToJsonString(AdaptiveCard.JsonOptions))));
            var activity = Build(body, entities, summary);
            var size = Encoding.UTF8.GetByteCount(activity.ToJsonString(AdaptiveCard.JsonOptions));
            if (size <= CardLimits.ActivityBytes || keep == 0) return activity;
            // Drop at once what the sizes say is over, then check again (the note and the entities are small).
            var over = size - CardLimits.ActivityBytes;
            do
            {
                keep--;
                over -= sizes[keep];
            }
            while (over > 0 && keep > 0);
        }
    }

    private static JsonObject Build(List<JsonObject> body, JsonArray entities, string summary) => new()
    {
        ["type"] = "message",
        ["summary"] = summary,
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = AdaptiveCard.ContentType,
            ["content"] = Card(body, entities),
        }),
    };

    private static JsonObject Card(List<JsonObject> body, JsonArray entities)
    {
        var msteams = new JsonObject { ["width"] = "Full" };
        if (entities.Count > 0) msteams["entities"] = entities;
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AdaptiveCard.Schema,
            ["version"] = AdaptiveCard.Version,
            ["body"] = new JsonArray([.. body]),
            ["msteams"] = msteams,
        };
    }

    private static JsonObject Styled(TextBlock text, CardMentions mentions)
    {
        var escaped = CardText.Escape(Capped(text.Text, CardLimits.TextChars), mentions);
        return text.Style switch
        {
            TextStyle.Code => Monospace(escaped),
            TextStyle.Quote => new JsonObject
            {
                ["type"] = "Container",
                ["style"] = "emphasis",
                ["items"] = new JsonArray(Text(escaped, subtle: true)),
            },
            _ => Text(escaped),
        };
    }

    /// <summary>User text cut to <paramref name="max"/> characters, with a note saying how much was cut.</summary>
    internal static string Capped(string text, int max)
    {
        var kept = CardLimits.Cut(text, max, out var omitted);
        return omitted == 0 ? kept : kept + "\n" + CardLimits.CutNote(omitted);
    }

    internal static JsonObject Text(string markdown, string? weight = null, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        return block;
    }

    private static JsonObject Monospace(string markdown)
    {
        var block = Text(markdown);
        block["fontType"] = "Monospace";
        return block;
    }

    private static JsonObject Small(string markdown) => Text(markdown, size: "Small", subtle: true);
}
