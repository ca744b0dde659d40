using ChatOps.Core.Incidents;

namespace ChatOps.TestKit;

/// <summary>A store in memory for tests of the core; it passes the same contract suite as the real stores.</summary>
public sealed class InMemoryIncidentStore : IIncidentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IncidentId, Incident> _incidents = [];
    private readonly List<TimelineEvent> _timeline = [];
    private readonly Dictionary<int, int> _counters = [];
    private readonly Dictionary<string, IncidentId> _declarations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _effects = new(StringComparer.Ordinal);

    public Task<Incident> CreateAsync(NewIncident incident, Func<IncidentId, IReadOnlyList<TimelineEvent>> firstEvents, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (incident.Effect is { } effect && _declarations.TryGetValue(effect, out var earlier)) return Task.FromResult(_incidents[earlier]);
            var year = incident.DeclaredAt.UtcDateTime.Year;
            var number = _counters[year] = _counters.GetValueOrDefault(year) + 1;
            var created = incident.WithId(new IncidentId(year, number));
            _incidents[created.Id] = created;
            if (incident.Effect is { } declaration) _declarations[declaration] = created.Id;
            AppendLocked(firstEvents(created.Id));
            return Task.FromResult(created);
        }
    }

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_incidents.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<Incident>> ListOpenAsync(ChatPlace? channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Incident> open = [.. _incidents.Values
                .Where(i => i.IsOpen && (channel is null || (i.Place.Platform == channel.Platform && i.Place.Channel == channel.Channel)))
                .OrderByDescending(i => i.Id.Year).ThenByDescending(i => i.Id.Number)];
            return Task.FromResult(open);
        }
    }

    public Task<Incident?> FindByThreadAsync(ChatPlace place, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(place.Thread is null ? null : _incidents.Values.FirstOrDefault(i => i.Place == place));
    }

    public Task<bool> TryUpdateAsync(Incident updated, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_incidents.TryGetValue(updated.Id, out var stored) || stored.Version != updated.Version - 1) return Task.FromResult(false);
            if (events is [{ Effect: { } first }, ..] && _effects.Contains(first)) return Task.FromResult(false);
            _incidents[updated.Id] = updated;
            AppendLocked(events);
            return Task.FromResult(true);
        }
    }

    public Task AppendAsync(IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate) AppendLocked(events);
        return Task.CompletedTask;
    }

    public Task<bool> HasEffectAsync(IncidentId id, string effect, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_effects.Contains(effect));
    }

    public Task<IReadOnlyList<TimelineEvent>> TimelineAsync(IncidentId id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<TimelineEvent>>([.. _timeline.Where(e => e.Incident == id)]);
    }

    public Task<TimelineTail> TimelineTailAsync(IncidentId id, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            var events = _timeline.Where(e => e.Incident == id).ToList();
            return Task.FromResult(new TimelineTail([.. events.TakeLast(count)], events.Count));
        }
    }

    private void AppendLocked(IEnumerable<TimelineEvent> events)
    {
        foreach (var e in events)
        {
            if (!_incidents.ContainsKey(e.Incident)) throw new InvalidOperationException($"{e.Incident} does not exist.");
            if (e.Effect is { } effect && !_effects.Add(effect)) continue;
            // Stored as the real stores give events back: the key is the store's, not the event's.
            _timeline.Add(e with { Sequence = _timeline.Count + 1, Effect = null });
        }
    }
}
