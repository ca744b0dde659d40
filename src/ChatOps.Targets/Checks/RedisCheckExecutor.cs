using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Clients;
using StackExchange.Redis;

namespace ChatOps.Targets.Checks;

/// <summary>One Redis read: GET a key, a field of an INFO section, the keyspace hit rate, or a count of keys matching a pattern.</summary>
internal sealed class RedisCheckExecutor(RedisConnections connections, TargetDirectory targets) : ICheckExecutor
{
    // Keys per SCAN call: large enough to count a big keyspace in few round trips, small enough that each call stays short.
    internal const int ScanPageSize = 1000;

    public string Kind => "redis";

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var spec = (RedisCheck)check.Spec;
        var target = targets.Resolve(check);
        var redis = await connections.GetAsync(check.Target, target.ConnectionString!, cancellationToken);
        try
        {
            return spec.Read switch
            {
                RedisRead.Get => await GetAsync(redis.GetDatabase(), spec.Argument).WaitAsync(cancellationToken),
                RedisRead.Info => await InfoAsync(Primary(redis), spec.Argument, spec.Field!).WaitAsync(cancellationToken),
                RedisRead.HitRate => await HitRateAsync(Primary(redis)).WaitAsync(cancellationToken),
                _ => await CountAsync(redis, spec.Argument, cancellationToken),
            };
        }
        catch (RedisException e)
        {
            throw new CheckFailedException($"Redis: {e.Message}", e);
        }
        catch (TimeoutException e)
        {
            throw new CheckFailedException($"Redis: {e.Message}", e);
        }
    }

    private static async Task<CheckObservation> GetAsync(IDatabase database, string key)
    {
        var value = await database.StringGetAsync(key);
        return RedisAnswer.Get(key, value.IsNull ? null : value.ToString());
    }

    private static async Task<CheckObservation> InfoAsync(IServer server, string section, string field) =>
        RedisAnswer.Info(section, field, Fields(await server.InfoAsync(section)));

    private static async Task<CheckObservation> HitRateAsync(IServer server) => RedisAnswer.HitRate(Fields(await server.InfoAsync("stats")));

    // The first of a field's occurrences, as the sections list it.
    private static Dictionary<string, string> Fields(IGrouping<string, KeyValuePair<string, string>>[] info) =>
        info.SelectMany(g => g).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>Counts with SCAN on every primary; never KEYS, which blocks the server while it walks the whole keyspace.</summary>
    private static async Task<CheckObservation> CountAsync(ConnectionMultiplexer redis, string pattern, CancellationToken cancellationToken)
    {
        long count = 0;
        var database = redis.GetDatabase().Database;
        foreach (var server in Primaries(redis))
        {
            // KeysAsync falls back to KEYS on servers without SCAN (before 2.8); refuse those instead.
            if (!server.Features.Scan)
                throw new CheckFailedException($"Redis {server.Version} has no SCAN, and KEYS would block it; not counting");
            await foreach (var _ in server.KeysAsync(database, pattern, ScanPageSize).WithCancellation(cancellationToken))
                count++;
        }
        return RedisAnswer.Count(pattern, count);
    }

    private static IServer Primary(ConnectionMultiplexer redis) =>
        Primaries(redis).FirstOrDefault() ?? throw new CheckFailedException("no connected Redis primary");

    private static IEnumerable<IServer> Primaries(ConnectionMultiplexer redis) =>
        redis.GetServers().Where(s => s.IsConnected && !s.IsReplica);
}
