using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.TestKit;

/// <summary>
/// All the text of a neutral message, flattened, for "contains" assertions; mentions read as a chat platform writes
/// them, <c>&lt;@U123&gt;</c>.
/// </summary>
public static class MessageText
{
    public static string Of(ChatMessage message) => Mention.Replace(string.Join("\n", message.Blocks.Select(Of)), (person, _) => $"<@{person.User}>");

    public static IEnumerable<Button> Buttons(ChatMessage message) => message.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons);

    private static string Of(MessageBlock block) => block switch
    {
        HeaderBlock h => h.Text,
        TextBlock t => t.Text,
        ContextBlock c => c.Text,
        FieldsBlock f => string.Join("\n", f.Fields.Select(x => $"{x.Label}: {x.Value}")),
        TableBlock t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r)).Prepend(string.Join(" | ", t.Columns))),
        ActionsBlock a => string.Join(" ", a.Buttons.Select(b => $"[{b.Label}]")),
        AttachmentBlock a => $"{a.FileName}\n{a.Content}",
        _ => "",
    };
}
