using ChatOps.Core.Incidents;

namespace ChatOps.Core.Incidents;

/// <summary>The newest events of a timeline in the order they were written, and how many events the whole timeline holds.</summary>
public sealed record TimelineTail(IReadOnlyList<TimelineEvent> Events, int Total);
