using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>A document to attach (Slack: a file in the thread); renderers without files show the text.</summary>
public sealed record AttachmentBlock(string FileName, string Title, string Content) : MessageBlock;
