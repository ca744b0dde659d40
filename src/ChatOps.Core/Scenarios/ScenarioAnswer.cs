using ChatOps.Core.Checks;

namespace ChatOps.Core.Scenarios;

/// <summary>One check's answer: what the target replies, after <see cref="Delay"/> (an http check's latency).</summary>
public sealed record ScenarioAnswer(TargetReply Reply, TimeSpan Delay);
