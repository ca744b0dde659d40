using ChatOps.Core.Delivery;
using StackExchange.Redis;

namespace ChatOps.Redis;

/// <summary>
/// Claims shared by the replicas, so that a platform's retry reaching another replica still runs once:
/// <c>SET key 1 NX PX window</c>. While Redis cannot answer, the deduplicator registered before Redis claims instead.
/// </summary>
internal sealed class RedisDeliveryDeduplicator(SharedRedis redis, IDeliveryDeduplicator fallback) : IDeliveryDeduplicator
{
    private const string Prefix = SharedRedis.Prefix + "claim:";

    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var (answered, claimed) = await redis.TryAsync("claim a delivery",
            db => db.StringSetAsync(Prefix + key, 1, window, When.NotExists), cancellationToken);
        return answered ? claimed : await fallback.TryClaimAsync(key, window, cancellationToken);
    }

    // Both places: the claim may have been taken by either, depending on whether Redis answered at the time.
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await redis.TryAsync("release a delivery", db => db.KeyDeleteAsync(Prefix + key), cancellationToken);
        await fallback.ReleaseAsync(key, cancellationToken);
    }
}
