namespace ChatOps.Core.Checks;

/// <summary>Fields of an <c>INFO</c> section, as Redis writes them (<c>keyspace_hits</c> → <c>"1200"</c>).</summary>
public sealed record RedisInfoReply(IReadOnlyDictionary<string, string> Fields) : TargetReply;
