using System.Collections.Concurrent;

namespace ChatOps.Core.Pacing;

/// <summary>
/// The buckets in this process's memory: right for one replica. Several replicas would each spend the whole of a
/// platform's limit, so production shares the buckets in Redis.
/// </summary>
public sealed class InProcessPaceTokens(TimeProvider time) : IPaceTokens
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public ValueTask<TimeSpan> TakeAsync(string lane, int burst, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero) return ValueTask.FromResult(TimeSpan.Zero);
        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd(lane, _ => new Bucket(burst, now));
        lock (bucket)
        {
            // A reservation may leave the bucket below zero: the callers behind wait for the debt to be paid back too.
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.RefilledAt) / interval)) - 1;
            bucket.RefilledAt = now;
            return ValueTask.FromResult(bucket.Tokens >= 0 ? TimeSpan.Zero : interval * -bucket.Tokens);
        }
    }

    private sealed class Bucket(int tokens, DateTimeOffset now)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset RefilledAt { get; set; } = now;
    }
}
