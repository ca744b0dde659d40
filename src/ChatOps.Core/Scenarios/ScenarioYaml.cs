using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Checks;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Scenarios;

/// <summary>
/// A scenario as the file <see cref="ScenarioLoader"/> reads back to the same scenario: texts that would read as
/// something else (a number, true, null) are quoted, and so is every Prometheus sample value, as the API writes it.
/// </summary>
public static class ScenarioYaml
{
    public static string Write(Scenario scenario, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var root = new YamlMappingNode
        {
            { "id", scenario.Id },
            { "title", Text(scenario.Title) },
            { "runbook", scenario.Runbook },
        };
        if (scenario.Summary is { } summary) root.Add("summary", Text(summary));
        root.Add("answers", Mapping(scenario.Answers.Select(a => (a.Key, (YamlNode)Answer(a.Value)))));
        if (scenario.Questions.Count > 0)
            root.Add("questions", Mapping(scenario.Questions.Select(q => (q.Key, (YamlNode)Answers.Write(q.Value)))));
        root.Add("state", State(scenario.State));
        root.Add("expect", Expect(scenario.Expect));

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var comment in comments) writer.WriteLine($"# {comment}");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // The stream ends its one document with a "..." line, which a file of one mapping does not need.
        var lines = writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return string.Join('\n', lines[^1] == "..." ? lines[..^1] : lines) + "\n";
    }

    private static YamlMappingNode Answer(ScenarioAnswer answer)
    {
        var node = new YamlMappingNode();
        // Milliseconds, whatever the length: DurationText.Format would round 1500 ms to 1s.
        if (answer.Delay > TimeSpan.Zero)
            node.Add("delay", string.Create(CultureInfo.InvariantCulture, $"{(long)answer.Delay.TotalMilliseconds}ms"));
        switch (answer.Reply)
        {
            case PrometheusReply vector:
                node.Add("prometheus", Json(vector.Result, series: true));
                break;
            case HttpReply http:
                var reply = new YamlMappingNode { { "status", Number(http.Status) } };
                if (http.Body.Length > 0) reply.Add("body", IsJson(http.Body) ? Json(http.Body) : Text(http.Body));
                node.Add("http", Flow(reply));
                break;
            case RedisValueReply get:
                node.Add("redis", Flow(new YamlMappingNode { { "value", get.Value is { } value ? Quoted(value) : Null() } }));
                break;
            case RedisInfoReply info:
                var fields = Mapping(info.Fields.Select(f => (f.Key, (YamlNode)Quoted(f.Value))));
                node.Add("redis", Flow(new YamlMappingNode { { "info", fields } }));
                break;
            case RedisCountReply count:
                node.Add("redis", Flow(new YamlMappingNode { { "keys", Number(count.Keys) } }));
                break;
            case PostgresReply rows:
                node.Add("postgres", new YamlMappingNode
                {
                    { "columns", Sequence(rows.Columns.Select(c => (YamlNode)Text(c)), flow: true) },
                    { "rows", Sequence(rows.Rows.Select(r => (YamlNode)Sequence(r.Select(Cell), flow: true))) },
                });
                break;
            case PodLogsReply logs:
                node.Add("logs", Mapping(logs.Pods.Select(p => (p.Key, (YamlNode)Sequence(p.Value.Select(l => (YamlNode)Text(l)))))));
                break;
            case FailedReply failed:
                node.Add("error", Text(failed.Error));
                break;
        }
        return node;
    }

    private static YamlMappingNode State(ScenarioState state)
    {
        var node = new YamlMappingNode();
        if (state.Deployments.Count > 0)
        {
            node.Add("deployments", Mapping(state.Deployments.Select(d =>
            {
                var deployment = new YamlMappingNode
                {
                    { "replicas", Number(d.Value.Replicas) },
                    { "max-replicas", Number(d.Value.MaxReplicas) },
                };
                if (d.Value.Revisions.Count > 0)
                {
                    deployment.Add("revisions", Sequence(d.Value.Revisions.Select(r =>
                        (YamlNode)Flow(new YamlMappingNode { { "revision", Number(r.Number) }, { "image", Text(r.Image) } }))));
                }
                return (d.Key, (YamlNode)deployment);
            })));
        }
        if (state.Flags.Count > 0) node.Add("flags", Mapping(state.Flags.Select(f => (f.Key, (YamlNode)Quoted(f.Value)))));
        if (state.Blocked.Count > 0) node.Add("blocked", Sequence(state.Blocked.Select(b => (YamlNode)Text(b)), flow: true));
        return node;
    }

    private static YamlMappingNode Expect(ScenarioExpectation expect)
    {
        var node = new YamlMappingNode
        {
            { "grades", Mapping(expect.Grades.Select(g => (g.Check, (YamlNode)g.Grade.ToString().ToLowerInvariant()))) },
            { "path", Sequence(expect.Path.Select(s => (YamlNode)new YamlMappingNode { { s.Node, Answers.Write(s.Yes) } })) },
            { "recommend", Sequence(expect.Recommend.Select(r => (YamlNode)r), flow: true) },
        };
        if (expect.Mitigations.Count > 0)
        {
            node.Add("mitigations", Mapping(expect.Mitigations.Select(m =>
            {
                var mitigation = new YamlMappingNode();
                if (m.Subject is { } subject) mitigation.Add("subject", Text(subject));
                mitigation.Add("after", Text(m.After));
                mitigation.Add("reverted", Text(m.Reverted));
                return (m.Mitigation, (YamlNode)mitigation);
            })));
        }
        return node;
    }

    /// <summary>JSON as YAML; strings stay strings. The series of a Prometheus vector go one a line, each written flow.</summary>
    private static YamlNode Json(string json, bool series = false)
    {
        using var document = JsonDocument.Parse(json);
        return series && document.RootElement.ValueKind == JsonValueKind.Array
            ? Sequence(document.RootElement.EnumerateArray().Select(Json))
            : Json(document.RootElement);
    }

    private static YamlNode Json(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Flow(Mapping(element.EnumerateObject().Select(p => (p.Name, Json(p.Value))))),
        JsonValueKind.Array => Sequence(element.EnumerateArray().Select(Json), flow: true),
        JsonValueKind.String => Quoted(element.GetString()!),
        JsonValueKind.Number => new YamlScalarNode(element.GetRawText()),
        JsonValueKind.True => new YamlScalarNode("true"),
        JsonValueKind.False => new YamlScalarNode("false"),
        _ => Null(),
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static YamlNode Cell(ReplyCell cell) =>
        cell.Number is { } number ? Number(number) : cell.Text is { } text ? Text(text) : Null();

    /// <summary>Text the loader reads back as the same text: quoted when it would otherwise read as a number, true or null.</summary>
    private static YamlScalarNode Text(string text) =>
        YamlJson.Scalar(new YamlScalarNode(text) { Style = ScalarStyle.Plain }) is string ? new YamlScalarNode(text) : Quoted(text);

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Number(double number) => new(number.ToString("R", CultureInfo.InvariantCulture));

    private static YamlScalarNode Null() => new("~");

    /// <summary>A block mapping, or <c>{}</c> when empty.</summary>
    private static YamlMappingNode Mapping(IEnumerable<(string Key, YamlNode Value)> entries)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in entries) node.Add(key, value);
        if (node.Children.Count == 0) node.Style = MappingStyle.Flow;
        return node;
    }

    private static YamlSequenceNode Sequence(IEnumerable<YamlNode> items, bool flow = false) =>
        new(items) { Style = flow ? SequenceStyle.Flow : SequenceStyle.Block };

    private static YamlMappingNode Flow(YamlMappingNode node)
    {
        node.Style = MappingStyle.Flow;
        return node;
    }
}
