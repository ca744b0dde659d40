using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runs;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>Reads one entry of a runbook's <c>checks</c>.</summary>
internal static partial class CheckParser
{
    public const int DefaultMaxRows = 50;
    public const int DefaultTail = 50;
    public static readonly TimeSpan DefaultSince = TimeSpan.FromMinutes(5);
    private static readonly string[] RedisReads = ["get", "info", "hit-rate", "count"];

    public static CheckDefinition? Parse(YamlMap map)
    {
        var before = map.Errors.Count;
        var id = RunbookParser.Id(map, "id", "check");
        var where = $"check '{id}'";
        var title = map.Text("title", required: true);
        var target = map.Text("target", required: true);
        var timeout = map.Duration("timeout");
        if (timeout > Checks.CheckOptions.MaxTimeout)
        {
            map.Errors.Add(map.LineOf("timeout"), $"{where}: timeout {DurationText.Format(timeout.Value)} is longer than the most a check may take ({DurationText.Format(Checks.CheckOptions.MaxTimeout)}).");
            timeout = null;
        }
        var warn = Condition(map, "warn", where);
        var critical = Condition(map, "critical", where);
        var note = map.Text("note");
        var kind = map.Text("kind", required: true);
        CheckSpec? spec = kind switch
        {
            null => null,
            "prometheus" => Prometheus(map),
            "http" => Http(map, where),
            "redis" => Redis(map, where),
            "postgres" => Postgres(map, where),
            "kubernetes-logs" => KubernetesLogs(map, where),
            _ => Unknown(map, kind),
        };
        map.RejectUnknownKeys();
        if (map.Errors.Count > before || id is null || title is null || target is null || spec is null) return null;
        return new CheckDefinition(id, title, target, spec, timeout, warn, critical, note);
    }

    /// <summary>Parses an expression over a check's result, reporting a bad one with its line.</summary>
    public static Expression? Condition(YamlMap map, string key, string where)
    {
        var text = map.Text(key);
        if (text is null) return null;
        try
        {
            return Expression.Parse(text, CheckDefinition.ResultNames);
        }
        catch (ExpressionException e)
        {
            map.Errors.Add(map.LineOf(key), $"{where}: '{key}' is not a valid expression: {e.Message}.");
            return null;
        }
    }

    private static PrometheusCheck? Prometheus(YamlMap map) =>
        map.Text("query", required: true) is { } query ? new PrometheusCheck(query) : null;

    private static HttpCheck? Http(YamlMap map, string where)
    {
        var method = (map.Text("method") ?? "GET").ToUpperInvariant();
        var path = map.Text("path", required: true);
        var body = map.Text("body");
        var extract = map.Text("extract");
        if (method is not ("GET" or "POST"))
            map.Errors.Add(map.LineOf("method"), $"{where}: method must be GET or POST; checks are read-only.");
        if (path is not null && !path.StartsWith('/'))
            map.Errors.Add(map.LineOf("path"), $"{where}: path must start with '/'; the target's URL comes from configuration.");
        if (body is not null)
        {
            if (method != "POST") map.Errors.Add(map.LineOf("body"), $"{where}: a body needs method: POST.");
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                map.Errors.Add(map.LineOf("body"), $"{where}: body must be JSON: {e.Message}");
            }
        }
        if (extract is not null && !JsonExtractPattern().IsMatch(extract))
            map.Errors.Add(map.LineOf("extract"), $"{where}: extract '{extract}' must be a path like .results | length or .data.items[0].score.");
        return path is null ? null : new HttpCheck(method, path, body, extract);
    }

    private static RedisCheck? Redis(YamlMap map, string where)
    {
        var reads = RedisReads.Where(map.Has).ToList();
        if (reads.Count != 1)
        {
            map.Errors.Add(map.Line, $"{where}: a redis check has exactly one of get: <key>, info: <section> with field: <name>, hit-rate: true, count: <pattern>.");
            map.MarkRead("field");
            return null;
        }
        switch (reads[0])
        {
            case "get":
                return map.Text("get", required: true) is { } key ? new RedisCheck(RedisRead.Get, key) : null;
            case "info":
                var section = map.Text("info", required: true);
                var field = map.Text("field", required: true);
                return section is null || field is null ? null : new RedisCheck(RedisRead.Info, section, field);
            case "hit-rate":
                if (map.Flag("hit-rate")) return new RedisCheck(RedisRead.HitRate, "stats");
                map.Errors.Add(map.LineOf("hit-rate"), $"{where}: hit-rate can only be true; leave it out to read something else.");
                return null;
            default:
                // Counted with SCAN in pages: KEYS blocks the server for the whole keyspace.
                return map.Text("count", required: true) is { } pattern ? new RedisCheck(RedisRead.Count, pattern) : null;
        }
    }

    private static PostgresCheck? Postgres(YamlMap map, string where)
    {
        var sql = map.Text("sql", required: true);
        var valueColumn = map.Text("value-column");
        var maxRows = map.Number("max-rows", 1, 1000) ?? DefaultMaxRows;
        var parameters = ReadParameters(map, where);
        if (sql is null) return null;
        if (!ReadOnlySql().IsMatch(sql))
            map.Errors.Add(map.LineOf("sql"), $"{where}: sql must be one SELECT (or WITH ... SELECT) statement.");
        if (sql.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
            map.Errors.Add(map.LineOf("sql"), $"{where}: sql must be a single statement.");
        var used = SqlParameter().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in (parameters?.Keys ?? Enumerable.Empty<string>()).Where(n => !used.Contains(n)))
            map.Errors.Add(map.LineOf("parameters"), $"{where}: parameter '{name}' is not used in the sql (write it as @{name}).");
        foreach (var name in used.Where(n => parameters?.ContainsKey(n) != true))
            map.Errors.Add(map.LineOf("sql"), $"{where}: the sql uses @{name}, which 'parameters' does not define.");
        return new PostgresCheck(sql.TrimEnd().TrimEnd(';'), parameters ?? new Dictionary<string, string>(), valueColumn, maxRows);
    }

    private static Dictionary<string, string>? ReadParameters(YamlMap map, string where)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Raw("parameters") is not YamlMappingNode node) return map.Has("parameters") ? Bad() : values;
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } value })
                values[name] = map.Resolve(value, YamlMap.Line0(v), $"parameter '{name}'");
            else
                map.Errors.Add(YamlMap.Line0(k), $"{where}: each parameter is name: value.");
        }
        return values;

        Dictionary<string, string>? Bad()
        {
            map.Errors.Add(map.LineOf("parameters"), $"{where}: parameters must be a mapping of name: value.");
            return null;
        }
    }

    private static KubernetesLogsCheck? KubernetesLogs(YamlMap map, string where)
    {
        var selector = map.Text("selector", required: true);
        var since = map.Duration("since") ?? DefaultSince;
        var match = map.Text("match");
        var tail = map.Number("tail", 1, 5000) ?? DefaultTail;
        var container = map.Text("container");
        if (match is not null)
        {
            try
            {
                _ = new Regex(match, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                map.Errors.Add(map.LineOf("match"), $"{where}: match is not a valid pattern: {e.Message}");
            }
        }
        return selector is null ? null : new KubernetesLogsCheck(selector, since, match, tail, container);
    }

    private static CheckSpec? Unknown(YamlMap map, string kind)
    {
        map.Errors.Add(map.LineOf("kind"), $"unknown check kind '{kind}'; use prometheus, http, redis, postgres or kubernetes-logs.");
        map.MarkRead("query", "path", "method", "body", "extract", "get", "info", "field", "hit-rate", "count", "sql", "parameters", "value-column", "max-rows", "selector", "since", "match", "tail", "container");
        return null;
    }

    [GeneratedRegex(@"^\.(\s*\|\s*length)?$|^(\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\])+(\s*\|\s*length)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonExtractPattern();

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SqlParameter();

    [GeneratedRegex(@"^\s*(select|with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadOnlySql();
}
