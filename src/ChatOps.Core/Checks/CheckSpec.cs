using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Checks;

/// <summary>What a check asks, by kind. Each kind has one executor.</summary>
public abstract record CheckSpec(string Kind)
{
    /// <summary>The query as a responder would read it, shown next to the result.</summary>
    public abstract string Describe();
}

/// <summary>An instant PromQL query (<c>/api/v1/query</c>).</summary>
public sealed record PrometheusCheck(string Query) : CheckSpec("prometheus")
{
    public override string Describe() => Query;
}

/// <summary>
/// A GET or POST (JSON body) to a path of an HTTP target. <see cref="Extract"/> reads a number from the
/// JSON answer with a small jq-like path (<c>.results | length</c>, <c>.data.score</c>).
/// </summary>
public sealed record HttpCheck(string Method, string Path, string? Body, string? Extract) : CheckSpec("http")
{
    public override string Describe() =>
        $"{Method} {Path}{(Body is null ? "" : " " + Body)}{(Extract is null ? "" : " | jq '" + Extract + "'")}";
}

/// <summary>One Redis read: GET a key, a field of an INFO section, the keyspace hit rate, or a SCAN count.</summary>
public sealed record RedisCheck(RedisRead Read, string Argument, string? Field = null) : CheckSpec("redis")
{
    public override string Describe() => Read switch
    {
        RedisRead.Get => $"GET {Argument}",
        RedisRead.Info => $"INFO {Argument} → {Field}",
        RedisRead.HitRate => "INFO stats → keyspace_hits / (keyspace_hits + keyspace_misses)",
        RedisRead.Count => $"SCAN MATCH {Argument} (count)",
        _ => Read.ToString(),
    };
}

public enum RedisRead
{
    Get,
    Info,
    HitRate,
    Count,
}

/// <summary>A read-only SQL query; <see cref="ValueColumn"/> names the column of the first row that thresholds read.</summary>
public sealed record PostgresCheck(string Sql, IReadOnlyDictionary<string, string> Parameters, string? ValueColumn, int MaxRows) : CheckSpec("postgres")
{
    public override string Describe() => Sql;
}

/// <summary>Logs of the pods matching <see cref="Selector"/>, lines matching <see cref="Match"/> (case-insensitive).</summary>
public sealed record KubernetesLogsCheck(string Selector, TimeSpan Since, string? Match, int Tail, string? Container) : CheckSpec("kubernetes-logs")
{
    public override string Describe() =>
        $"logs -l {Selector} --since={DurationText.Format(Since)}{(Match is null ? "" : $" | grep -iE '{Match}'")} | tail -{Tail}";
}
