using System.Text.Json.Serialization;

namespace ChatOps.Core.Checks;

/// <summary>
/// What a target answered one check, in the target kind's own shape, before any grading: a scenario holds one per
/// check, and an executor keeps the one it read with its observation, so that an incident can be replayed as a drill.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PrometheusReply), "prometheus")]
[JsonDerivedType(typeof(HttpReply), "http")]
[JsonDerivedType(typeof(RedisValueReply), "redis-value")]
[JsonDerivedType(typeof(RedisInfoReply), "redis-info")]
[JsonDerivedType(typeof(RedisCountReply), "redis-count")]
[JsonDerivedType(typeof(PostgresReply), "postgres")]
[JsonDerivedType(typeof(PodLogsReply), "logs")]
[JsonDerivedType(typeof(FailedReply), "error")]
public abstract record TargetReply;
