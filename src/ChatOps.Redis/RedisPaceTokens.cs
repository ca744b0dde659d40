using ChatOps.Core.Pacing;
using StackExchange.Redis;

namespace ChatOps.Redis;

/// <summary>
/// Token buckets shared by the replicas, since a platform counts all of their calls against one limit. One script
/// refills and takes atomically on the Redis server's own clock (<c>TIME</c>), so replicas' clocks need not agree.
/// While Redis cannot answer, each replica paces itself in process.
/// </summary>
internal sealed class RedisPaceTokens(SharedRedis redis, IPaceTokens fallback) : IPaceTokens
{
    private const string Prefix = SharedRedis.Prefix + "pace:";

    // Times in microseconds. The bucket's key expires once it would be full again, which is the same as absent.
    // replicate_commands lets a script write after TIME on Redis before 5 (a no-op since).
    private const string TakeScript = """
        redis.replicate_commands()
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        local burst = tonumber(ARGV[1])
        local interval = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) / interval) - 1
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', now))
        redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * interval / 1000) + 1000)
        if tokens >= 0 then return 0 end
        return math.ceil(-tokens * interval)
        """;

    public async ValueTask<TimeSpan> TakeAsync(string lane, int burst, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero) return TimeSpan.Zero;
        var (answered, wait) = await redis.TryAsync("take a pace token",
            db => db.ScriptEvaluateAsync(TakeScript, [Prefix + lane], [burst, (long)Math.Ceiling(interval.TotalMicroseconds)]),
            cancellationToken);
        return answered
            ? TimeSpan.FromMicroseconds((long)wait)
            : await fallback.TakeAsync(lane, burst, interval, cancellationToken);
    }
}
