using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Runbook = """
        id: tiny
        title: Tiny runbook
        checks:
          - { id: gpu, title: GPU, kind: prometheus, target: metrics, query: avg(DCGM_FI_DEV_GPU_UTIL), critical: value > 90 }
          - { id: health, title: Health, kind: http, target: vllm, path: /health, critical: status != 200 }
          - { id: limit, title: Limit, kind: redis, target: r, get: "ratelimit:global:count" }
          - { id: hits, title: Hits, kind: redis, target: r, hit-rate: true }
          - { id: spend, title: Spend, kind: postgres, target: db, sql: SELECT 1 AS share, value-column: share }
          - { id: errors, title: Errors, kind: kubernetes-logs, target: cluster, selector: app=x, match: error }
        decision:
          start: saturated
          nodes:
            saturated:
              ask: Is GPU utilization > 90%?
              answer: { check: gpu, when: value > 90 }
              yes: { recommend: [scale] }
              no: network
            network:
              ask: Is it the network?
              yes: { advice: Look at the load balancer. }
              no: { recommend: [block] }
        mitigations:
          - { id: scale, title: Scale, when: Load, action: { kind: scale, deployment: vllm, replicas: "+2" } }
          - { id: block, title: Block, when: Abuse, action: { kind: block } }
          - { id: page, title: Page, when: Always, action: { kind: manual, steps: Call someone. } }
        """;

    private const string Valid = """
        id: tiny-drill
        title: A tiny drill
        runbook: tiny
        answers:
          gpu:
            delay: 200ms
            prometheus:
              - { metric: { gpu: "0" }, value: [1773325200, "97"] }
          health: { http: { status: 200, body: { status: ok } } }
          limit: { redis: { value: ~ } }
          hits: { redis: { info: { keyspace_hits: "90", keyspace_misses: "10" } } }
          spend: { postgres: { columns: [share], rows: [[1.4]] } }
          errors: { logs: { x-1: ["2026-03-12T14:00:00Z error: boom"] } }
        questions:
          network: no
        state:
          deployments:
            vllm: { replicas: 4 }
          flags: { SHED_RATE: "0" }
        expect:
          grades: { gpu: critical, health: ok, limit: error, hits: ok, spend: ok, errors: ok }
          path:
            - saturated: yes
          recommend: [scale]
          mitigations:
            scale: { after: replicas 6, reverted: replicas 4 }
            block: { subject: u-1, after: u-1 blocked with no expiry, reverted: u-1 not blocked }
        """;

    private static readonly RunbookCatalog Catalog = new(RunbookLoader.LoadText(Runbook, "tiny.yaml").Runbooks);

    private static ScenarioLoadResult Load(string yaml) => ScenarioLoader.LoadText(yaml, "drill.yaml", Catalog);

    [Fact]
    public void A_valid_scenario_loads_every_answer_in_its_kinds_shape()
    {
        var result = Load(Valid);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal("[{\"metric\":{\"gpu\":\"0\"},\"value\":[1773325200,\"97\"]}]", ((PrometheusReply)scenario.Answers["gpu"].Reply).Result);
        Assert.Equal(new HttpReply(200, "{\"status\":\"ok\"}"), scenario.Answers["health"].Reply);
        Assert.Equal(new RedisValueReply(null), scenario.Answers["limit"].Reply);
        Assert.Equal("90", ((RedisInfoReply)scenario.Answers["hits"].Reply).Fields["keyspace_hits"]);
        Assert.Equal(ReplyCell.Of(1.4), ((PostgresReply)scenario.Answers["spend"].Reply).Rows[0][0]);
        Assert.Equal(["2026-03-12T14:00:00Z error: boom"], ((PodLogsReply)scenario.Answers["errors"].Reply).Pods["x-1"]);
        Assert.False(scenario.Questions["network"]);
        Assert.Equal([new ExpectedStep("saturated", true, 23)], scenario.Expect.Path);
        Assert.Equal("u-1", scenario.Expect.Mitigations.Single(m => m.Mitigation == "block").Subject);
    }

    [Theory]
    // A dangling answer: the runbook has no such check (renamed there, say).
    [InlineData("  spend: {", "  spent: {", "  spent: {", "runbook tiny has no check 'spent'")]
    [InlineData("  spend: {", "  spent: {", "answers:", "missing: spend")]
    [InlineData("health: { http:", "health: { prometheus:", "  health:", "answer it with 'http:', not 'prometheus:'")]
    [InlineData("\"97\"", "97", "value: [1773325200, 97]", "a number in quotes, as the API writes it")]
    [InlineData("limit: { redis: { value: ~ } }", "limit: { redis: { keys: 3 } }", "  limit:", "answers 'value'")]
    [InlineData("keyspace_misses: \"10\"", "keyspace_misses: lots", "  hits:", "'keyspace_misses' is a counter")]
    [InlineData("columns: [share]", "columns: [ratio]", "  spend:", "value-column 'share', which 'columns' lacks")]
    [InlineData("network: no", "saturated: no", "  saturated: no", "the bot answers 'saturated' from check gpu")]
    [InlineData("vllm: { replicas: 4 }", "gateway: { replicas: 4 }", "state:", "mitigation 'scale' of runbook tiny scales deployment 'vllm'")]
    [InlineData("hits: ok, ", "", "  grades:", "missing: hits")]
    [InlineData("- saturated: yes", "- saturated: maybe", "- saturated: maybe", "one question and its answer")]
    [InlineData("subject: u-1, ", "", "    block:", "name them with 'subject'")]
    [InlineData("recommend: [scale]", "recommend: [scale-up]", "recommend:", "no mitigation 'scale-up'")]
    [InlineData("runbook: tiny", "runbook: tiney", "runbook: tiney", "runbook 'tiney' is not loaded; the runbooks are tiny")]
    [InlineData("delay: 200ms", "delay: soon", "delay: soon", "'delay' must be a duration")]
    public void Each_error_names_its_line(string find, string replace, string lineWith, string message)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);

        var result = Load(yaml);

        Assert.False(result.IsValid);
        Assert.Empty(result.Scenarios);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains(lineWith, StringComparison.Ordinal)) + 1;
        Assert.Contains(result.Errors, e => e.File == "drill.yaml" && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_scenarios_with_one_id_and_a_missing_folder_are_errors()
    {
        var folder = Directory.CreateTempSubdirectory("scenarios-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"), Valid);

            var result = ScenarioLoader.LoadFolder(folder.FullName, Catalog);

            Assert.Single(result.Scenarios);
            Assert.Equal("b.yaml:1: scenario id 'tiny-drill' is already used by a.yaml; scenario ids must be unique.", Assert.Single(result.Errors).ToString());
            Assert.Contains("does not exist", Assert.Single(ScenarioLoader.LoadFolder(Path.Combine(folder.FullName, "none"), Catalog).Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
