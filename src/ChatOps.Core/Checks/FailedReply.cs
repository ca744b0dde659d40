namespace ChatOps.Core.Checks;

/// <summary>No answer: the target was down, refused, or answered nothing readable, as the one-line reason says.</summary>
public sealed record FailedReply(string Error) : TargetReply;
