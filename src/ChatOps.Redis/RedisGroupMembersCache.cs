using ChatOps.Core.Access;
using StackExchange.Redis;

namespace ChatOps.Redis;

/// <summary>
/// Group members kept in Redis for every replica, so a group is read from its platform once per duration, not once per
/// replica. While Redis cannot answer, this process's cache keeps them.
/// </summary>
internal sealed class RedisGroupMembersCache(SharedRedis redis, IGroupMembersCache fallback) : IGroupMembersCache
{
    private const string Prefix = SharedRedis.Prefix + "groups:";

    // Platform user ids hold no line breaks. Each id is written after one, so that a group without members is kept as
    // a value too (Redis gives an empty string back as no value), and a missing key is a group not kept.
    private const char Separator = '\n';

    public async Task<IReadOnlySet<string>> GetOrLoadAsync(
        string platform, string group, TimeSpan duration, Func<CancellationToken, Task<IReadOnlyCollection<string>>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        RedisKey key = $"{Prefix}{platform}:{group}";
        var (answered, kept) = await redis.TryAsync("read group members", db => db.StringGetAsync(key), cancellationToken);
        if (!answered) return await fallback.GetOrLoadAsync(platform, group, duration, load, cancellationToken);
        if (kept.HasValue) return new HashSet<string>(((string)kept!).Split(Separator, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

        var members = new HashSet<string>(await load(cancellationToken), StringComparer.Ordinal);
        if (duration > TimeSpan.Zero)
            await redis.TryAsync("keep group members", db => db.StringSetAsync(key, Separator + string.Join(Separator, members), duration), cancellationToken);
        return members;
    }
}
