namespace ChatOps.Core.Checks;

/// <summary>An HTTP answer: its status and body (JSON, or any text).</summary>
public sealed record HttpReply(int Status, string Body) : TargetReply;
