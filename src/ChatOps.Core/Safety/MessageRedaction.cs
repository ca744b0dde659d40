using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Safety;

/// <summary>
/// The last fence before chat: every text of a message, whoever built it, goes through the redactor.
/// Views that cut long output redact before cutting too, so that a cut never leaves half a secret unrecognised.
/// A message or block with nothing to redact is returned as it is (the redactor returns unchanged text itself).
/// </summary>
public static class MessageRedaction
{
    public static ChatMessage Apply(ChatMessage message)
    {
        var summary = SecretRedactor.Redact(message.Summary);
        var blocks = Changed(message.Blocks, Apply);
        return blocks is null && ReferenceEquals(summary, message.Summary) ? message : new ChatMessage(summary, blocks ?? message.Blocks);
    }

    private static MessageBlock Apply(MessageBlock block) => block switch
    {
        HeaderBlock h => Same(h.Text, out var text) ? h : h with { Text = text },
        TextBlock t => Same(t.Text, out var text) ? t : t with { Text = text },
        ContextBlock c => Same(c.Text, out var text) ? c : c with { Text = text },
        FieldsBlock f => Changed(f.Fields, Apply) is { } fields ? f with { Fields = fields } : f,
        TableBlock t => (Changed(t.Columns, SecretRedactor.Redact), Changed(t.Rows, Apply)) is var (columns, rows)
            && (columns is not null || rows is not null)
            ? t with { Columns = columns ?? t.Columns, Rows = rows ?? t.Rows }
            : t,
        AttachmentBlock a => Same(a.Title, out var title) & Same(a.Content, out var content)
            ? a
            : a with { Title = title, Content = content },
        // A button's value is a command the bot made; its label and confirm dialog may quote live state.
        ActionsBlock a => Changed(a.Buttons, Apply) is { } buttons ? a with { Buttons = buttons } : a,
        _ => block,
    };

    private static Button Apply(Button button)
    {
        var confirm = button.Confirm is { } c && !(Same(c.Title, out var title) & Same(c.Text, out var text))
            ? c with { Title = title, Text = text }
            : button.Confirm;
        return Same(button.Label, out var label) && ReferenceEquals(confirm, button.Confirm)
            ? button
            : button with { Label = label, Confirm = confirm };
    }

    private static Field Apply(Field field) =>
        Same(field.Label, out var label) & Same(field.Value, out var value) ? field : new Field(label, value);

    private static IReadOnlyList<string> Apply(IReadOnlyList<string> row) => Changed(row, SecretRedactor.Redact) ?? row;

    private static bool Same(string text, out string redacted)
    {
        redacted = SecretRedactor.Redact(text);
        return ReferenceEquals(redacted, text);
    }

    /// <summary>The items redacted, or null when none changed.</summary>
    private static T[]? Changed<T>(IReadOnlyList<T> items, Func<T, T> redact) where T : class
    {
        T[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var redacted = redact(items[i]);
            if (ReferenceEquals(redacted, items[i])) continue;
            changed ??= [.. items];
            changed[i] = redacted;
        }
        return changed;
    }
}
