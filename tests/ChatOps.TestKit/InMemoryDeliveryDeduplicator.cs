using System.Collections.Concurrent;

using ChatOps.Core.Delivery;

namespace ChatOps.TestKit;

/// <summary>Claims in memory for tests of the core; the hosts keep them in the database or in Redis.</summary>
public sealed class InMemoryDeliveryDeduplicator(TimeProvider time) : IDeliveryDeduplicator
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _sinceSweep) % SweepEvery == 0) Sweep(now);
        var until = now + window;
        if (_claims.TryAdd(key, until)) return ValueTask.FromResult(true);
        // An expired claim may be taken again, but only by one of several racing callers.
        var claimed = _claims.TryGetValue(key, out var existing) && existing <= now && _claims.TryUpdate(key, until, existing);
        return ValueTask.FromResult(claimed);
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _claims.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, until) in _claims)
        {
            if (until <= now) _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
        }
    }
}
