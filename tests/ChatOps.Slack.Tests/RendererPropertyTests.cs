using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.BlockKit;
using CsCheck;

namespace ChatOps.Slack.Tests;

public sealed class RendererPropertyTests
{
    // Text made mostly of Slack's control characters and markup fragments, at lengths around every limit.
    private static readonly Gen<string> Text = Gen.OneOf<string>(
            Gen.Char["<>&!@#|^*_`\n "].Select(c => c.ToString()),
            Gen.Char.AlphaNumeric.Select(c => c.ToString()),
            Gen.Const("<!channel>"), Gen.Const("<@slack:U0ALICE001>"), Gen.Const("<https://x|y>"))
        .Array[0, 400].Select(parts => string.Concat(parts))
        .SelectMany(s => Gen.Int[1, 12].Select(n => string.Concat(Enumerable.Repeat(s, n))));

    private static readonly Gen<MessageBlock> Block = Gen.OneOf<MessageBlock>(
        Text.Select(t => (MessageBlock)new HeaderBlock(t)),
        Gen.Select(Text, Gen.Enum<TextStyle>(), (t, s) => (MessageBlock)new TextBlock(t, s)),
        Gen.Select(Text, Text, (a, b) => new Field(a, b)).Array[1, 14].Select(f => (MessageBlock)new FieldsBlock(f)),
        Text.Array[1, 4].Array[1, 30].Select(rows => (MessageBlock)new TableBlock(["A", "B", "C", "D"], [.. rows.Select(r => (IReadOnlyList<string>)r)])),
        Gen.Select(Text, Gen.Enum<ButtonStyle>(), (t, s) => new Button(t, ButtonActions.Command, "status", s)).Array[1, 30].Select(b => (MessageBlock)new ActionsBlock(b)),
        Text.Select(t => (MessageBlock)new ContextBlock(t)));

    [Fact]
    public void Whatever_the_text_the_blocks_are_valid_for_slack_and_ping_nobody() =>
        Gen.Select(Text, Block.Array[1, 60]).Sample((summary, blocks) =>
        {
            var rendered = BlockKitRenderer.Render(new ChatMessage(summary, blocks));
            Assert.Null(LocalBlockRules.Check(BlockKitRendererTests.Json(rendered.Blocks)));
            Assert.InRange(rendered.Text.Length, 1, BlockLimits.FallbackText);
            foreach (var text in BlockKitRendererTests.MrkdwnTexts(rendered.Blocks).Append(rendered.Text))
                Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
        }, iter: 300);
}
