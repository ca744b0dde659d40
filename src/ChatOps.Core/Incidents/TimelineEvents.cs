using System.Collections.Immutable;
using ChatOps.Core.Access;

namespace ChatOps.Core.Incidents;

/// <summary>New timeline entries, stamped with the incident clock's now; data without a value is left out.</summary>
public sealed class TimelineEvents(IncidentClock clock)
{
    public TimelineEvent New(Incident incident, Actor actor, TimelineKind kind, string text, params (string Key, string? Value)[] data) =>
        new(incident.Id, clock.Now, actor.Id, kind, text,
            data.Where(d => d.Value is not null).ToImmutableSortedDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal));
}
