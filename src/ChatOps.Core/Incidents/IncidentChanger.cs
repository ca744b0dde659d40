using ChatOps.Core.Work;

namespace ChatOps.Core.Incidents;

/// <summary>
/// Applies a change with optimistic concurrency: when another writer got there first, the change is
/// worked out again on the fresh incident, so that neither writer's events are lost. Inside a work item the change is
/// keyed (its first event carries the item's key for it), so a retried item finds its change already made and gets the
/// stored incident back instead of making it again. A stored change is measured by <see cref="IncidentMetrics"/>.
/// </summary>
public sealed class IncidentChanger(IIncidentStore store, IncidentMetrics metrics)
{
    // Each conflict means another writer succeeded, so N writers need at most N attempts; this bounds a livelock, not contention.
    private const int Attempts = 100;

    public async Task<(Incident? Incident, IncidentChange? Refused)> ApplyAsync(Incident current, Func<Incident, IncidentChange> change, CancellationToken cancellationToken)
    {
        var key = WorkScope.Current?.NextChangeKey(current.Id.ToString());
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (key is not null && await store.HasEffectAsync(current.Id, key, cancellationToken))
                return (await store.FindAsync(current.Id, cancellationToken) ?? current, null);
            var outcome = change(current);
            if (outcome.Refusal is not null) return (null, outcome);
            var updated = outcome.Updated! with { Version = current.Version + 1 };
            var events = key is not null && outcome.Events.Count > 0 ? [outcome.Events[0] with { Effect = key }, .. outcome.Events.Skip(1)] : outcome.Events;
            if (await store.TryUpdateAsync(updated, events, cancellationToken))
            {
                metrics.Changed(current, updated);
                return (updated, null);
            }
            await Task.Yield();
            current = await store.FindAsync(current.Id, cancellationToken)
                ?? throw new InvalidOperationException($"{current.Id} vanished while it was being changed.");
        }
        throw new InvalidOperationException($"{current.Id} changed {Attempts} times while one change was being applied; giving up.");
    }
}
