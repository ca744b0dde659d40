
namespace ChatOps.Core.Incidents;

/// <summary>Durable incidents and their append-only timelines.</summary>
public interface IIncidentStore
{
    /// <summary>
    /// Gives the incident the next id of its year and stores it with its first events, atomically. When
    /// <see cref="NewIncident.Effect"/> names a declaration already stored, returns that incident and stores nothing.
    /// </summary>
    Task<Incident> CreateAsync(NewIncident incident, Func<IncidentId, IReadOnlyList<TimelineEvent>> firstEvents, CancellationToken cancellationToken);

    Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>Open incidents, newest first; only those of one channel when <paramref name="channel"/> is given.</summary>
    Task<IReadOnlyList<Incident>> ListOpenAsync(ChatPlace? channel, CancellationToken cancellationToken);

    /// <summary>The incident whose root message is this thread, if any.</summary>
    Task<Incident?> FindByThreadAsync(ChatPlace place, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="updated"/> and appends <paramref name="events"/> in one transaction, only if the
    /// stored version is still <c>updated.Version - 1</c>; false when another writer got there first, or when the first
    /// event's <see cref="TimelineEvent.Effect"/> is already stored (an earlier attempt of the same work made this change).
    /// </summary>
    Task<bool> TryUpdateAsync(Incident updated, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Appends events without changing the incident; concurrent appends are all kept, an event whose
    /// <see cref="TimelineEvent.Effect"/> is already stored is not stored again.
    /// </summary>
    Task AppendAsync(IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken);

    /// <summary>Whether an event with this <see cref="TimelineEvent.Effect"/> is on the incident's timeline.</summary>
    Task<bool> HasEffectAsync(IncidentId id, string effect, CancellationToken cancellationToken);

    /// <summary>The timeline in the order it was written.</summary>
    Task<IReadOnlyList<TimelineEvent>> TimelineAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>
    /// The last <paramref name="count"/> (at least 1) events in the order they were written, and the length of the
    /// whole timeline, read together, without reading the rest.
    /// </summary>
    Task<TimelineTail> TimelineTailAsync(IncidentId id, int count, CancellationToken cancellationToken);
}
