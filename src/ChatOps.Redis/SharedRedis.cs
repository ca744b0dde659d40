using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Redis;

/// <summary>
/// The replicas' Redis, asked so that a caller can fall back: a call that Redis cannot answer (not connected, a
/// connection or server error, a timeout) reports "no answer" instead of throwing, and the bot keeps going on its
/// database or in-process coordination. An outage is logged once when it starts and once when Redis answers again.
/// </summary>
internal sealed partial class SharedRedis(IConnectionMultiplexer redis, ILogger<SharedRedis> logger)
{
    public const string Prefix = "chatops:";

    private int _down;

    /// <summary>Redis's answer to <paramref name="call"/>, or no answer while Redis is unreachable.</summary>
    public async Task<(bool Answered, T Value)> TryAsync<T>(string purpose, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        // Not waiting for a connection that is not there: the fallback answers at once.
        if (!redis.IsConnected)
        {
            Unreachable(purpose, null);
            return (false, default!);
        }
        try
        {
            var value = await call(redis.GetDatabase()).WaitAsync(cancellationToken);
            if (Interlocked.Exchange(ref _down, 0) == 1) LogRecovered();
            return (true, value);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            Unreachable(purpose, e);
            return (false, default!);
        }
    }

    private void Unreachable(string purpose, Exception? exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0) LogUnreachable(exception, purpose);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis cannot answer ({Purpose}); de-duplication, pacing and caches fall back to the database or this process until it does")]
    private partial void LogUnreachable(Exception? exception, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; replicas share de-duplication, pacing and caches through it")]
    private partial void LogRecovered();
}
