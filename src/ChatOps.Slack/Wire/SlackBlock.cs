using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>A Block Kit layout block as sent to Slack (https://docs.slack.dev/reference/block-kit/blocks).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackHeaderBlock), "header")]
[JsonDerivedType(typeof(SlackSectionBlock), "section")]
[JsonDerivedType(typeof(SlackContextBlock), "context")]
[JsonDerivedType(typeof(SlackActionsBlock), "actions")]
[JsonDerivedType(typeof(SlackDividerBlock), "divider")]
[JsonDerivedType(typeof(SlackInputBlock), "input")]
internal abstract record SlackBlock
{
    public string? BlockId { get; init; }
}

internal sealed record SlackHeaderBlock(SlackText Text) : SlackBlock;

internal sealed record SlackSectionBlock(SlackText? Text, IReadOnlyList<SlackText>? Fields = null) : SlackBlock;

internal sealed record SlackContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;

internal sealed record SlackActionsBlock(IReadOnlyList<SlackButton> Elements) : SlackBlock;

internal sealed record SlackDividerBlock : SlackBlock;

internal sealed record SlackInputBlock(SlackText Label, SlackInputElement Element, bool? Optional = null, SlackText? Hint = null) : SlackBlock;
