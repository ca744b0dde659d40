namespace ChatOps.Core.Checks;

/// <summary>What <c>GET key</c> answered; null when the key does not exist.</summary>
public sealed record RedisValueReply(string? Value) : TargetReply;
