using ChatOps.Core.Timeline;

namespace ChatOps.Core.Incidents;

/// <summary>The outcome of applying a command to the incident as it is now: a new state with its events, or a refusal.</summary>
public sealed record IncidentChange(Incident? Updated, IReadOnlyList<TimelineEvent> Events, string? Refusal)
{
    public static IncidentChange To(Incident updated, params TimelineEvent[] events) => new(updated, events, null);

    public static IncidentChange Refuse(string why) => new(null, [], why);
}
