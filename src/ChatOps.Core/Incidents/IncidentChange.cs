
namespace ChatOps.Core.Incidents;

/// <summary>The outcome of applying a command to the incident as it is now: a new state with its events, or a refusal.</summary>
public sealed record IncidentChange(Incident? Updated, IReadOnlyList<TimelineEvent> Events, string? Refusal, bool Forbidden = false)
{
    public static IncidentChange To(Incident updated, params TimelineEvent[] events) => new(updated, events, null);

    /// <summary>The change makes no sense for the incident as it is.</summary>
    public static IncidentChange Refuse(string why) => new(null, [], why);

    /// <summary>The change makes sense, but not from this person.</summary>
    public static IncidentChange Forbid(string why) => new(null, [], why, Forbidden: true);
}
