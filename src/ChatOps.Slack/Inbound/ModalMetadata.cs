namespace ChatOps.Slack.Inbound;

/// <summary>What the declare modal remembers in <c>private_metadata</c>: the channel it was opened from.</summary>
internal sealed record ModalMetadata(string Channel);
