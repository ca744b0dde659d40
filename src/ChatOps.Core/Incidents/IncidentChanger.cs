namespace ChatOps.Core.Incidents;

/// <summary>
/// Applies a change with optimistic concurrency: when another writer got there first, the change is
/// worked out again on the fresh incident, so that neither writer's events are lost.
/// </summary>
public sealed class IncidentChanger(IIncidentStore store)
{
    // Each conflict means another writer succeeded, so N writers need at most N attempts; this bounds a livelock, not contention.
    private const int Attempts = 100;

    public async Task<(Incident? Incident, IncidentChange? Refused)> ApplyAsync(Incident current, Func<Incident, IncidentChange> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var outcome = change(current);
            if (outcome.Refusal is not null) return (null, outcome);
            var updated = outcome.Updated! with { Version = current.Version + 1 };
            if (await store.TryUpdateAsync(updated, outcome.Events, cancellationToken)) return (updated, null);
            await Task.Yield();
            current = await store.FindAsync(current.Id, cancellationToken)
                ?? throw new InvalidOperationException($"{current.Id} vanished while it was being changed.");
        }
        throw new InvalidOperationException($"{current.Id} changed {Attempts} times while one change was being applied; giving up.");
    }
}
