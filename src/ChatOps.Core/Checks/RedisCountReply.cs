namespace ChatOps.Core.Checks;

/// <summary>How many keys matched a pattern, as <c>SCAN</c> counted them.</summary>
public sealed record RedisCountReply(long Keys) : TargetReply;
