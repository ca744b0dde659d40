using ChatOps.Core.Access;

namespace ChatOps.Core.Incidents;

/// <summary>Who appointed an incident's commander, read from the timeline: the incident stores only who commands now.</summary>
public static class Appointments
{
    /// <summary>
    /// The person whose <c>lead</c> made <paramref name="commander"/> the commander, or null when the latest appointment
    /// on <paramref name="timeline"/> is not theirs (a handover after the timeline was read, or an incident with none).
    /// </summary>
    public static PersonId? AppointerOf(PersonId commander, IReadOnlyList<TimelineEvent> timeline)
    {
        var latest = timeline.LastOrDefault(e => e.Kind == TimelineKind.CommanderSet);
        return latest is not null && latest.Details.GetValueOrDefault("to") == commander.ToString() ? latest.Actor : null;
    }
}
