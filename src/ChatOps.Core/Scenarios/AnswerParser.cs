using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Scenarios;

/// <summary>
/// Reads a scenario's <c>answers</c>: one per check of its runbook and no other, each in the shape the check's target
/// kind answers in (or <c>error</c>), so that the real executors' reading of a target's answer reads it.
/// </summary>
internal static class AnswerParser
{
    private const string Error = "error";

    /// <summary>The key a check kind's answer is written under.</summary>
    public static string KeyOf(string checkKind) => checkKind == "kubernetes-logs" ? "logs" : checkKind;

    public static Dictionary<string, ScenarioAnswer> Parse(YamlMap scenario, Runbook runbook)
    {
        var answers = new Dictionary<string, ScenarioAnswer>(StringComparer.Ordinal);
        var map = scenario.Map("answers", "answers", required: true);
        if (map is null) return answers;
        foreach (var (id, line) in map.Keys())
        {
            if (runbook.FindCheck(id) is null)
                map.Errors.Add(line, $"answers: runbook {runbook.Id} has no check '{id}'; its checks are {string.Join(", ", runbook.Checks.Select(c => c.Id))}.");
        }
        foreach (var check in runbook.Checks)
        {
            if (map.Map(check.Id, $"answer '{check.Id}'") is not { } answer) continue;
            if (Parse(answer, check) is { } parsed) answers[check.Id] = parsed;
        }
        var missing = runbook.Checks.Where(c => !map.Keys().Any(k => k.Key == c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
            map.Errors.Add(scenario.KeyLine("answers"), $"answers: every check of runbook {runbook.Id} needs an answer; missing: {string.Join(", ", missing)}.");
        return answers;
    }

    private static ScenarioAnswer? Parse(YamlMap map, CheckDefinition check)
    {
        var before = map.Errors.Count;
        var where = $"answer '{check.Id}'";
        var key = KeyOf(check.Kind);
        foreach (var (other, line) in map.Keys().Where(k => k.Key != key && k.Key is "prometheus" or "http" or "redis" or "postgres" or "logs"))
            map.Errors.Add(line, $"{where}: check '{check.Id}' is a {check.Kind} check; answer it with '{key}:', not '{other}:'.");
        var delay = map.Has("delay") ? map.Duration("delay") : TimeSpan.Zero;
        var reply = (map.Has(key), map.Has(Error)) switch
        {
            (true, true) or (false, false) => Fail(map, $"{where}: give exactly one of '{key}' (what the {check.Kind} target answers) or '{Error}' (why it could not)."),
            (false, true) => map.Text(Error, required: true) is { } error ? new FailedReply(error) : null,
            _ => check.Spec switch
            {
                PrometheusCheck => Prometheus(map, where),
                HttpCheck => Http(map.Map(key, $"{where} http", required: true)),
                RedisCheck redis => Redis(map.Map(key, $"{where} redis", required: true), redis),
                PostgresCheck postgres => Postgres(map.Map(key, $"{where} postgres", required: true), postgres),
                _ => Logs(map, where),
            },
        };
        map.RejectUnknownKeys();
        return map.Errors.Count > before || reply is null || delay is null ? null : new ScenarioAnswer(reply, delay.Value);
    }

    private static TargetReply? Fail(YamlMap map, string message)
    {
        map.Errors.Add(map.Line, message);
        return null;
    }

    /// <summary>The <c>data.result</c> of an instant query: a list of series, each <c>{metric: {labels}, value: [time, "number"]}</c>.</summary>
    private static PrometheusReply? Prometheus(YamlMap map, string where)
    {
        if (map.Raw("prometheus") is not YamlSequenceNode series)
            return (PrometheusReply?)Fail(map, $"{where}: 'prometheus' is the list of series the query returns (data.result), e.g. - {{ metric: {{}}, value: [1767286800, \"94.6\"] }}; [] for none.");
        var before = map.Errors.Count;
        foreach (var item in series)
        {
            var line = YamlMap.Line0(item);
            if (item is not YamlMappingNode one)
            {
                map.Errors.Add(line, $"{where}: each series is a mapping with 'metric' and 'value'.");
                continue;
            }
            var sample = new YamlMap(one, map.Errors, $"{where}: a series");
            if (sample.Raw("metric") is not YamlMappingNode labels || labels.Children.Any(l => l.Key is not YamlScalarNode || l.Value is not YamlScalarNode))
                map.Errors.Add(line, $"{where}: a series' 'metric' is a mapping of label names to values ({{}} for none).");
            if (sample.Raw("value") is not YamlSequenceNode { Children: [YamlScalarNode time, YamlScalarNode value] } || !YamlJson.IsNumber(time))
                map.Errors.Add(line, $"{where}: a series' 'value' is [unix time, \"number\"], e.g. [1767286800, \"94.6\"].");
            else if (value.Style == ScalarStyle.Plain || !IsSample(value.Value))
                map.Errors.Add(YamlMap.Line0(value), $"{where}: a sample value is a number in quotes, as the API writes it (\"94.6\", \"NaN\", \"+Inf\"), not {value.Value}.");
            sample.RejectUnknownKeys();
        }
        return map.Errors.Count > before ? null : new PrometheusReply(YamlJson.Write(series));
    }

    private static bool IsSample(string? text) =>
        text is "NaN" or "+Inf" or "-Inf" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static HttpReply? Http(YamlMap? map)
    {
        if (map is null) return null;
        var status = map.Number("status", 100, 599);
        if (!map.Has("status")) map.Errors.Add(map.Line, "http: 'status' is required (200, 503, ...).");
        var body = map.Raw("body") switch
        {
            null => "",
            YamlScalarNode scalar => scalar.Value ?? "",
            var json => YamlJson.Write(json),
        };
        map.RejectUnknownKeys();
        return status is { } s ? new HttpReply(s, body) : null;
    }

    private static TargetReply? Redis(YamlMap? map, RedisCheck check)
    {
        if (map is null) return null;
        TargetReply? reply = check.Read switch
        {
            RedisRead.Get when map.Has("value") => new RedisValueReply(map.Text("value")),
            RedisRead.Get => Fail(map, $"redis: GET {check.Argument} answers 'value' (~ when the key does not exist)."),
            RedisRead.Count => map.Number("keys", 0, int.MaxValue) is { } keys
                ? new RedisCountReply(keys)
                : Fail(map, $"redis: SCAN MATCH {check.Argument} answers 'keys', how many keys match."),
            _ => Info(map, check),
        };
        map.RejectUnknownKeys();
        return reply;
    }

    private static RedisInfoReply? Info(YamlMap map, RedisCheck check)
    {
        string[] needed = check.Read == RedisRead.HitRate ? ["keyspace_hits", "keyspace_misses"] : [check.Field!];
        var section = check.Read == RedisRead.HitRate ? "stats" : check.Argument;
        if (map.Map("info", $"redis: INFO {section}") is not { } info)
            return (RedisInfoReply?)Fail(map, $"redis: this check reads INFO {section}; answer 'info' with its fields ({string.Join(", ", needed)}).");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, _) in info.Keys())
        {
            if (info.Text(field) is { } value) fields[field] = value;
        }
        foreach (var field in needed.Where(f => !fields.ContainsKey(f)))
            info.Errors.Add(info.Line, $"redis: INFO {section} lacks '{field}', which the check reads.");
        if (check.Read == RedisRead.HitRate)
        {
            foreach (var field in needed.Where(f => fields.TryGetValue(f, out var v) && !long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                info.Errors.Add(info.LineOf(field), $"redis: '{field}' is a counter, a whole number, not '{fields[field]}'.");
        }
        return new RedisInfoReply(fields);
    }

    private static PostgresReply? Postgres(YamlMap? map, PostgresCheck check)
    {
        if (map is null) return null;
        var before = map.Errors.Count;
        var columns = map.Texts("columns");
        if (columns.Count == 0) map.Errors.Add(map.Line, "postgres: 'columns' lists the query's columns.");
        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count) map.Errors.Add(map.LineOf("columns"), "postgres: a column is named twice.");
        if (check.ValueColumn is { } valueColumn && columns.Count > 0 && !columns.Contains(valueColumn))
            map.Errors.Add(map.LineOf("columns"), $"postgres: the check reads value-column '{valueColumn}', which 'columns' lacks.");
        var rows = new List<IReadOnlyList<ReplyCell>>();
        switch (map.Raw("rows"))
        {
            case null:
                break;
            case YamlSequenceNode sequence:
                foreach (var row in sequence)
                {
                    if (row is YamlSequenceNode cells && cells.Children.All(c => c is YamlScalarNode) && cells.Children.Count == columns.Count)
                        rows.Add([.. cells.Children.Cast<YamlScalarNode>().Select(Cell)]);
                    else
                        map.Errors.Add(YamlMap.Line0(row), $"postgres: each row is a list of {columns.Count} values, one per column ({string.Join(", ", columns)}).");
                }
                break;
            default:
                map.Errors.Add(map.LineOf("rows"), "postgres: 'rows' is a list of rows, each a list of values.");
                break;
        }
        map.RejectUnknownKeys();
        return map.Errors.Count > before ? null : new PostgresReply(columns, rows);
    }

    private static ReplyCell Cell(YamlScalarNode scalar) => YamlJson.Scalar(scalar) switch
    {
        null => ReplyCell.Null,
        double number => ReplyCell.Of(number),
        _ => ReplyCell.Of(scalar.Value ?? ""),
    };

    private static PodLogsReply? Logs(YamlMap map, string where)
    {
        if (map.Raw("logs") is not YamlMappingNode pods || pods.Children.Count == 0)
            return (PodLogsReply?)Fail(map, $"{where}: 'logs' maps each pod to its log lines (an RFC 3339 time, a space, the text); for no pods answer 'error'.");
        var lines = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var before = map.Errors.Count;
        foreach (var (pod, node) in pods.Children)
        {
            var name = (pod as YamlScalarNode)?.Value ?? "";
            if (node is YamlSequenceNode sequence && sequence.Children.All(l => l is YamlScalarNode))
                lines[name] = [.. sequence.Children.Cast<YamlScalarNode>().Select(l => l.Value ?? "")];
            else
                map.Errors.Add(YamlMap.Line0(node), $"{where}: pod '{name}' maps to a list of log lines ([] for none).");
        }
        return map.Errors.Count > before ? null : new PodLogsReply(lines);
    }
}
