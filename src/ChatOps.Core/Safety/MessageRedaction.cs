using ChatOps.Core.Messages;

namespace ChatOps.Core.Safety;

/// <summary>
/// The last fence before chat: every text of a message, whoever built it, goes through the redactor.
/// Views that cut long output redact before cutting too, so that a cut never leaves half a secret unrecognised.
/// </summary>
public static class MessageRedaction
{
    public static ChatMessage Apply(ChatMessage message) =>
        new(SecretRedactor.Redact(message.Summary), [.. message.Blocks.Select(Apply)]);

    private static MessageBlock Apply(MessageBlock block) => block switch
    {
        HeaderBlock h => h with { Text = SecretRedactor.Redact(h.Text) },
        TextBlock t => t with { Text = SecretRedactor.Redact(t.Text) },
        ContextBlock c => c with { Text = SecretRedactor.Redact(c.Text) },
        FieldsBlock f => f with { Fields = [.. f.Fields.Select(x => new Field(SecretRedactor.Redact(x.Label), SecretRedactor.Redact(x.Value)))] },
        TableBlock t => t with
        {
            Columns = [.. t.Columns.Select(SecretRedactor.Redact)],
            Rows = [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(SecretRedactor.Redact)])],
        },
        AttachmentBlock a => a with { Title = SecretRedactor.Redact(a.Title), Content = SecretRedactor.Redact(a.Content) },
        // A button's value is a command the bot made; its confirm dialog may quote live state.
        ActionsBlock a => a with { Buttons = [.. a.Buttons.Select(b => b.Confirm is { } c
            ? b with { Label = SecretRedactor.Redact(b.Label), Confirm = c with { Title = SecretRedactor.Redact(c.Title), Text = SecretRedactor.Redact(c.Text) } }
            : b with { Label = SecretRedactor.Redact(b.Label) })] },
        _ => block,
    };
}
