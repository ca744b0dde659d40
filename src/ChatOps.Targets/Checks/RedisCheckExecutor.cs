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
        if (value.IsNull) return new CheckObservation(Values(), $"{key} does not exist", NoData: $"key {key} does not exist");
        var text = value.ToString();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new CheckObservation(Values(number), $"{key} = {NumberText.Format(number)}")
            : new CheckObservation(Values(), $"{key} = \"{text}\"");
    }

    private static async Task<CheckObservation> InfoAsync(IServer server, string section, string field)
    {
        var info = await server.InfoAsync(section);
        var found = info.SelectMany(g => g).Where(p => p.Key == field).Select(p => p.Value).FirstOrDefault()
            ?? throw new CheckFailedException($"INFO {section} has no field '{field}'");
        return double.TryParse(found, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new CheckObservation(Values(number), $"{field} = {NumberText.Format(number)}")
            : new CheckObservation(Values(), $"{field} = {found}");
    }

    private static async Task<CheckObservation> HitRateAsync(IServer server)
    {
        var stats = (await server.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var hits = Counter(stats, "keyspace_hits");
        var misses = Counter(stats, "keyspace_misses");
        var lookups = hits + misses;
        if (lookups == 0) return CheckObservation.Empty(Values(), "no key lookups since the server started");
        var rate = (double)hits / lookups;
        return new CheckObservation(Values(rate),
            string.Create(CultureInfo.InvariantCulture, $"hit rate {rate:P1} ({hits} hits, {misses} misses since the server started)"));
    }

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
        return new CheckObservation(
            new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
            {
                ["value"] = ExpressionValue.Of(count), ["count"] = ExpressionValue.Of(count),
            },
            string.Create(CultureInfo.InvariantCulture, $"{count} keys match {pattern}"));
    }

    private static IServer Primary(ConnectionMultiplexer redis) =>
        Primaries(redis).FirstOrDefault() ?? throw new CheckFailedException("no connected Redis primary");

    private static IEnumerable<IServer> Primaries(ConnectionMultiplexer redis) =>
        redis.GetServers().Where(s => s.IsConnected && !s.IsReplica);

    private static long Counter(Dictionary<string, string> stats, string name) =>
        stats.TryGetValue(name, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CheckFailedException($"INFO stats has no {name}");

    private static Dictionary<string, ExpressionValue> Values(double? value = null)
    {
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal);
        if (value is { } v) values["value"] = ExpressionValue.Of(v);
        return values;
    }
}
