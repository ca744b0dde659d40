using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams;

/// <summary>
/// What the Teams side keeps to spare Teams a call or a person a worse answer (the cards it sent, members' object ids,
/// display names), in the host's <see cref="IDistributedCache"/> under <c>chatops:teams:</c>. A cache is a convenience,
/// never a record: what cannot be kept or read is logged and treated as not kept, and never fails the caller.
/// </summary>
internal sealed partial class TeamsCache(IDistributedCache cache, ILogger<TeamsCache> logger)
{
    private const string Prefix = "chatops:teams:";

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetStringAsync(Prefix + key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(e, key);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="kept"/> after it was last read or written.</summary>
    public async Task SetAsync(string key, string value, TimeSpan kept, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetStringAsync(Prefix + key, value, new DistributedCacheEntryOptions { SlidingExpiration = kept }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotKept(e, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams cache entry {Key} could not be read; it is asked for again")]
    private partial void LogUnreadable(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams cache entry {Key} could not be kept")]
    private partial void LogNotKept(Exception exception, string key);
}
