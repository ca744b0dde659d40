using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>
/// A platform-neutral message: the adapters render it as Block Kit or an Adaptive Card.
/// All text is plain; the only markup is <c>&lt;@id&gt;</c>, a mention of a user by platform id,
/// and renderers escape everything else. <see cref="Summary"/> is the notification fallback.
/// </summary>
public sealed record ChatMessage(string Summary, IReadOnlyList<MessageBlock> Blocks)
{
    public static ChatMessage Plain(string text) => new(text, [new TextBlock(text)]);
}
