using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// Renders the core's neutral message as Block Kit. All user text is escaped (<see cref="Mrkdwn"/>); every
/// Slack limit is kept, and wherever something had to be cut the message says so.
/// </summary>
internal static class BlockKitRenderer
{
    /// <summary>Separates a core action id from the position that keeps action ids unique within a block, as Slack requires.</summary>
    public const char ActionIdSeparator = '#';

    public static RenderedMessage Render(ChatMessage message)
    {
        var blocks = new List<SlackBlock>();
        var files = new List<AttachmentBlock>();
        foreach (var block in message.Blocks)
        {
            switch (block)
            {
                case HeaderBlock header when !string.IsNullOrWhiteSpace(header.Text):
                    blocks.Add(new SlackHeaderBlock(SlackText.Plain(BlockLimits.Plain(header.Text, BlockLimits.HeaderText))));
                    break;
                case TextBlock text when !string.IsNullOrWhiteSpace(text.Text):
                    blocks.AddRange(Sections(text));
                    break;
                case FieldsBlock fields:
                    blocks.AddRange(fields.Fields.Chunk(BlockLimits.Fields).Select(chunk => new SlackSectionBlock(null, [.. chunk.Select(Field)])));
                    break;
                case TableBlock table:
                    blocks.AddRange(MrkdwnSections.Build(MrkdwnSections.DefuseFences(TableText.Render(table.Columns, table.Rows)), MrkdwnSections.Code)
                        .Select(s => new SlackSectionBlock(SlackText.Mrkdwn(s))));
                    break;
                case ActionsBlock actions:
                    blocks.AddRange(actions.Buttons.Chunk(BlockLimits.ActionsElements).Select(chunk => new SlackActionsBlock([.. chunk.Select(Button)])));
                    break;
                case ContextBlock context when !string.IsNullOrWhiteSpace(context.Text):
                    blocks.Add(Context(context.Text));
                    break;
                case DividerBlock:
                    blocks.Add(new SlackDividerBlock());
                    break;
                case AttachmentBlock attachment:
                    files.Add(attachment);
                    blocks.Add(Context($"{attachment.Title}: {attachment.FileName} is attached below."));
                    break;
            }
        }
        if (blocks.Count > BlockLimits.Blocks)
        {
            var cut = blocks.Count - (BlockLimits.Blocks - 1);
            blocks = [.. blocks.Take(BlockLimits.Blocks - 1), Context(BlockLimits.CutNote(cut, "blocks"))];
        }
        var fallback = Mrkdwn.Escape(message.Summary, BlockLimits.FallbackText, out var omitted);
        if (omitted > 0) fallback = fallback[..Math.Max(0, fallback.Length - 1)] + "…";
        return new RenderedMessage(fallback.Length == 0 ? " " : fallback, blocks, files);
    }

    /// <summary>The core action id a rendered button carries, without its position suffix.</summary>
    public static string CoreActionId(string slackActionId)
    {
        var separator = slackActionId.LastIndexOf(ActionIdSeparator);
        return separator < 0 ? slackActionId : slackActionId[..separator];
    }

    private static IEnumerable<SlackBlock> Sections(TextBlock text)
    {
        var (raw, wrap) = text.Style switch
        {
            TextStyle.Code => (MrkdwnSections.DefuseFences(text.Text), (Func<string, string>)MrkdwnSections.Code),
            TextStyle.Quote => (text.Text, MrkdwnSections.Quote),
            _ => (text.Text, MrkdwnSections.Plain),
        };
        return MrkdwnSections.Build(raw.ReplaceLineEndings("\n"), wrap).Select(s => new SlackSectionBlock(SlackText.Mrkdwn(s)));
    }

    private static SlackText Field(Field field)
    {
        var label = Mrkdwn.Escape(BlockLimits.Plain(field.Label, 100));
        var budget = BlockLimits.FieldText - label.Length - 3 - BlockLimits.NoteRoom;
        var value = Mrkdwn.Escape(field.Value.Length == 0 ? "-" : field.Value, budget, out var omitted);
        if (omitted > 0) value += " " + BlockLimits.CutNote(omitted);
        return SlackText.Mrkdwn($"*{label}*\n{value}");
    }

    // Slack refuses empty text objects; a blank label still needs something to click.
    private static string NotBlank(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    private static SlackContextBlock Context(string text)
    {
        var escaped = Mrkdwn.Escape(text, BlockLimits.SectionText - BlockLimits.NoteRoom, out var omitted);
        if (omitted > 0) escaped += " " + BlockLimits.CutNote(omitted);
        return new SlackContextBlock([SlackText.Mrkdwn(escaped)]);
    }

    private static SlackButton Button(Button button, int index)
    {
        var suffix = ActionIdSeparator + index.ToString(CultureInfo.InvariantCulture);
        var actionId = BlockLimits.Plain(button.ActionId, BlockLimits.ActionId - suffix.Length) + suffix;
        var style = button.Style switch
        {
            ButtonStyle.Primary => "primary",
            ButtonStyle.Danger => "danger",
            _ => null,
        };
        // A danger button always asks first, even when the core gave it no dialog of its own.
        var dialog = button.Confirm ?? (button.Style == ButtonStyle.Danger ? new Confirm($"{button.Label}?", "Are you sure?", button.Label) : null);
        var confirm = dialog is { } c
            ? new SlackConfirm(
                SlackText.Plain(BlockLimits.Plain(NotBlank(c.Title, "Are you sure?"), BlockLimits.ConfirmTitle)),
                SlackText.Plain(BlockLimits.Plain(NotBlank(c.Text, "Are you sure?"), BlockLimits.ConfirmText)),
                SlackText.Plain(BlockLimits.Plain(NotBlank(c.ConfirmLabel, "Confirm"), BlockLimits.ConfirmButton)),
                SlackText.Plain(BlockLimits.Plain(NotBlank(c.DenyLabel, "Cancel"), BlockLimits.ConfirmButton)),
                button.Style == ButtonStyle.Danger ? "danger" : null)
            : null;
        // A form button's click must open the form at once, within the trigger's 3 seconds, so its value carries the form.
        var value = button.Form is { } form ? FormValue.Encode(form) : button.Value;
        return new SlackButton(
            SlackText.Plain(BlockLimits.Plain(NotBlank(button.Label, "(no label)"), BlockLimits.ButtonLabel)),
            actionId,
            value.Length <= BlockLimits.ButtonValue ? value : value[..BlockLimits.ButtonValue],
            style,
            confirm);
    }
}
