using ChatOps.Core.Work;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Applies a transition from the stored version; when another writer got there first, the transition is worked
/// out again on the fresh request. A refusal that changes state (an expiry) is stored too. Inside a work item the
/// transition is keyed (its first audit line carries the item's key for it), so a retried item finds its approval or
/// claim made and carries on from there, instead of being refused its own change. A stored transition that ends a
/// request is counted in <see cref="MitigationMetrics"/>.
/// </summary>
public sealed class RequestUpdater(IMitigationStore store, MitigationMetrics metrics)
{
    private const int Attempts = 100;

    public async Task<(MitigationRequest Request, string? Refusal)> ApplyAsync(
        long id, Func<MitigationRequest, Transition> transition, Func<MitigationRequest, IReadOnlyList<AuditEntry>> audit, CancellationToken cancellationToken)
    {
        var key = WorkScope.Current?.NextChangeKey($"MIT-{id}");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"MIT-{id} does not exist.");
            if (key is not null && await store.HasEffectAsync(key, cancellationToken)) return (current, null);
            var outcome = transition(current);
            if (outcome.Next is null) return (current, outcome.Refusal);
            var next = outcome.Next with { Version = current.Version + 1 };
            var lines = audit(next);
            if (key is not null && lines.Count > 0) lines = [lines[0] with { Effect = key }, .. lines.Skip(1)];
            if (await store.TryUpdateAsync(next, lines, cancellationToken))
            {
                metrics.Moved(current, next);
                return (next, outcome.Refusal);
            }
            await Task.Yield();
        }
        throw new InvalidOperationException($"MIT-{id} changed {Attempts} times while one change was being applied; giving up.");
    }
}
