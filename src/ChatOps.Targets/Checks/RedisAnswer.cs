using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;

namespace ChatOps.Targets.Checks;

/// <summary>What Redis answered one read, as an observation: a value, an INFO field, the hit rate, or a count of keys.</summary>
internal static class RedisAnswer
{
    public static CheckObservation Read(RedisCheck spec, TargetReply reply) => (spec.Read, reply) switch
    {
        (RedisRead.Get, RedisValueReply get) => Get(spec.Argument, get.Value),
        (RedisRead.Info, RedisInfoReply info) => Info(spec.Argument, spec.Field!, info.Fields),
        (RedisRead.HitRate, RedisInfoReply stats) => HitRate(stats.Fields),
        (RedisRead.Count, RedisCountReply count) => Count(spec.Argument, count.Keys),
        _ => throw new CheckFailedException($"a {reply.GetType().Name} does not answer {spec.Describe()}"),
    };

    public static CheckObservation Get(string key, string? value)
    {
        var reply = new RedisValueReply(value);
        if (value is null) return new CheckObservation(Values(), $"{key} does not exist", NoData: $"key {key} does not exist") { Reply = reply };
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new CheckObservation(Values(number), $"{key} = {NumberText.Format(number)}") { Reply = reply }
            : new CheckObservation(Values(), $"{key} = \"{value}\"") { Reply = reply };
    }

    public static CheckObservation Info(string section, string field, IReadOnlyDictionary<string, string> fields)
    {
        var found = fields.GetValueOrDefault(field) ?? throw new CheckFailedException($"INFO {section} has no field '{field}'");
        var reply = new RedisInfoReply(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = found });
        return double.TryParse(found, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new CheckObservation(Values(number), $"{field} = {NumberText.Format(number)}") { Reply = reply }
            : new CheckObservation(Values(), $"{field} = {found}") { Reply = reply };
    }

    public static CheckObservation HitRate(IReadOnlyDictionary<string, string> stats)
    {
        var hits = Counter(stats, "keyspace_hits");
        var misses = Counter(stats, "keyspace_misses");
        var reply = new RedisInfoReply(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["keyspace_hits"] = hits.ToString(CultureInfo.InvariantCulture), ["keyspace_misses"] = misses.ToString(CultureInfo.InvariantCulture),
        });
        var lookups = hits + misses;
        if (lookups == 0) return CheckObservation.Empty(Values(), "no key lookups since the server started") with { Reply = reply };
        var rate = (double)hits / lookups;
        return new CheckObservation(Values(rate),
            string.Create(CultureInfo.InvariantCulture, $"hit rate {rate:P1} ({hits} hits, {misses} misses since the server started)")) { Reply = reply };
    }

    public static CheckObservation Count(string pattern, long count) =>
        new(new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
            {
                ["value"] = ExpressionValue.Of(count), ["count"] = ExpressionValue.Of(count),
            },
            string.Create(CultureInfo.InvariantCulture, $"{count} keys match {pattern}"))
        {
            Reply = new RedisCountReply(count),
        };

    private static long Counter(IReadOnlyDictionary<string, string> stats, string name) =>
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
