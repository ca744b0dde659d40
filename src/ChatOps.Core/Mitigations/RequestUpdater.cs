namespace ChatOps.Core.Mitigations;

/// <summary>
/// Applies a transition from the stored version; when another writer got there first, the transition is worked
/// out again on the fresh request. A refusal that changes state (an expiry) is stored too.
/// </summary>
public sealed class RequestUpdater(IMitigationStore store)
{
    private const int Attempts = 100;

    public async Task<(MitigationRequest Request, string? Refusal)> ApplyAsync(
        long id, Func<MitigationRequest, Transition> transition, Func<MitigationRequest, IReadOnlyList<AuditEntry>> audit, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"MIT-{id} does not exist.");
            var outcome = transition(current);
            if (outcome.Next is null) return (current, outcome.Refusal);
            var next = outcome.Next with { Version = current.Version + 1 };
            if (await store.TryUpdateAsync(next, audit(next), cancellationToken)) return (next, outcome.Refusal);
            await Task.Yield();
        }
        throw new InvalidOperationException($"MIT-{id} changed {Attempts} times while one change was being applied; giving up.");
    }
}
