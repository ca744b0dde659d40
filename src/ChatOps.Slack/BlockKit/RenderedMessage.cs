using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.BlockKit;

/// <summary>A neutral message as Slack takes it: the notification text, the blocks, and the files to upload beside it.</summary>
internal sealed record RenderedMessage(string Text, IReadOnlyList<SlackBlock> Blocks, IReadOnlyList<AttachmentBlock> Files);
