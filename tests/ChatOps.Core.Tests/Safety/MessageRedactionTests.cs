using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Safety;

public sealed class MessageRedactionTests
{
    private const string Key = "sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yAaB3cD4eF";

    private static ChatMessage Message(string secret) => new($"summary {secret}",
    [
        new HeaderBlock($"header {secret}"),
        new TextBlock($"text {secret}", TextStyle.Code),
        new ContextBlock($"context {secret}"),
        new FieldsBlock([new Field("plain", "value"), new Field($"label {secret}", $"value {secret}")]),
        new TableBlock(["Time", $"column {secret}"], [["09:00", "clean"], ["09:01", $"cell {secret}"]]),
        new AttachmentBlock("notes.md", $"title {secret}", $"content {secret}"),
        new ActionsBlock([new Button("Status", ButtonActions.Command, "status")]),
        new DividerBlock(),
    ]);

    [Fact]
    public void Every_text_of_every_block_is_redacted()
    {
        var redacted = MessageRedaction.Apply(Message(Key));
        var texts = MessageText.Of(redacted) + redacted.Summary + string.Concat(redacted.Blocks.OfType<AttachmentBlock>().Select(a => a.Title));
        Assert.DoesNotContain(Key, texts, StringComparison.Ordinal);
        Assert.Equal(10, texts.Split("sk-proj-[REDACTED]").Length - 1);
        Assert.Equal(MessageText.Of(Message("sk-proj-[REDACTED]")), MessageText.Of(redacted));
    }

    [Fact]
    public void A_forms_texts_are_redacted_and_a_choice_with_a_secret_is_left_out()
    {
        var form = new FormRequest($"title {Key}", "Request", "mitigate x/block", [new FormField("subject", $"label {Key}", ["mallory", Key, "eve"], $"hint {Key}")])
        {
            Text = $"text {Key}",
        };
        var message = new ChatMessage("form", [new ActionsBlock([new Button("Block", ButtonActions.Form, form.Command, Form: form)])]);

        var redacted = MessageText.Buttons(MessageRedaction.Apply(message)).Single().Form!;

        Assert.Equal(("title sk-proj-[REDACTED]", "text sk-proj-[REDACTED]", "mitigate x/block"), (redacted.Title, redacted.Text, redacted.Command));
        var field = Assert.Single(redacted.Fields);
        Assert.Equal(("label sk-proj-[REDACTED]", "hint sk-proj-[REDACTED]"), (field.Label, field.Hint));
        Assert.Equal(["mallory", "eve"], field.Choices);
        var clean = new ChatMessage("form", [new ActionsBlock([new Button("Block", ButtonActions.Form, "c", Form: new FormRequest("t", "s", "c", [new FormField("f", "l", ["a"])]))])]);
        Assert.Same(clean, MessageRedaction.Apply(clean));
    }

    [Fact]
    public void A_message_with_nothing_to_redact_is_returned_as_it_is()
    {
        var clean = Message("nothing secret here");
        Assert.Same(clean, MessageRedaction.Apply(clean));
    }

    [Fact]
    public void Blocks_with_nothing_to_redact_are_kept_and_the_rest_replaced()
    {
        var message = new ChatMessage("summary", [new HeaderBlock("clean"), new ContextBlock($"context {Key}")]);
        var redacted = MessageRedaction.Apply(message);
        Assert.Same(message.Blocks[0], redacted.Blocks[0]);
        Assert.Equal(new ContextBlock("context sk-proj-[REDACTED]"), redacted.Blocks[1]);
        Assert.Same(message.Summary, redacted.Summary);
    }
}
