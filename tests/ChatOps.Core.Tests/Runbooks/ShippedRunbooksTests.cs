using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Runbooks;

/// <summary>The five runbooks that ship in <c>runbooks/</c> load cleanly and carry the seed's essentials.</summary>
public sealed class ShippedRunbooksTests
{
    private static readonly Lazy<RunbookLoadResult> Loaded = new(() => RunbookLoader.LoadFolder(RepoPaths.Runbooks));

    private static Runbook Get(string id)
    {
        var runbook = Loaded.Value.Runbooks.SingleOrDefault(r => r.Id == id);
        Assert.True(runbook is not null, $"runbook '{id}' did not load: {string.Join("; ", Loaded.Value.Errors)}");
        return runbook!;
    }

    [Fact]
    public void All_shipped_runbooks_load_without_errors()
    {
        var result = Loaded.Value;

        Assert.True(result.IsValid, "Runbook errors:\n" + string.Join("\n", result.Errors));
        Assert.Equal(
            ["cost-spike", "high-error-rate", "high-latency", "quality-regression", "security-incident"],
            result.Runbooks.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cost_spike_takes_its_daily_budget_from_configuration()
    {
        Assert.Equal(0, Get("cost-spike").Values["daily_budget_usd"]);

        var configured = RunbookLoader.LoadFolder(RepoPaths.Runbooks, RunbookValues.Of(("cost-spike", "daily_budget_usd", "2500")));

        var check = configured.Runbooks.Single(r => r.Id == "cost-spike").FindCheck("spend-vs-budget")!;
        Assert.Equal("2500", Assert.IsType<PostgresCheck>(check.Spec).Parameters["daily_budget_usd"]);
    }

    [Fact]
    public void Every_runbook_has_symptoms_alerts_checks_a_tree_mitigations_and_a_checklist()
    {
        foreach (var runbook in Loaded.Value.Runbooks)
        {
            Assert.True(runbook.Symptoms.Count > 0, $"{runbook.Id}: no symptoms");
            Assert.True(runbook.Alerts.Count > 0, $"{runbook.Id}: no alerts");
            Assert.True(runbook.Checks.Count > 0, $"{runbook.Id}: no checks");
            Assert.True(runbook.Decision is not null, $"{runbook.Id}: no decision tree");
            Assert.True(runbook.Mitigations.Count > 0, $"{runbook.Id}: no mitigations");
            Assert.True(runbook.Checklists.Count > 0 && runbook.Checklists.All(c => c.Items.Count > 0), $"{runbook.Id}: no checklist items");
        }
    }

    [Fact]
    public void High_latency_starts_with_gpu_utilization_answered_from_dcgm()
    {
        var runbook = Get("high-latency");
        var tree = runbook.Decision!;
        var start = tree.Nodes[tree.Start];

        Assert.NotNull(start.Answer);
        var check = runbook.FindCheck(start.Answer!.Check);
        Assert.NotNull(check);
        var prometheus = Assert.IsType<PrometheusCheck>(check!.Spec);
        Assert.Contains("DCGM_FI_DEV_GPU_UTIL", prometheus.Query, StringComparison.Ordinal);
        Assert.Contains("value", start.Answer.When.Variables);

        var yes = Assert.IsType<DecisionLeaf>(start.Yes);
        var recommended = yes.Recommend.Select(id => runbook.FindMitigation(id)!.Action).ToList();
        Assert.Contains(recommended, a => a is ScaleAction { Deployment: "vllm", Replicas: "+2" });
        Assert.Contains(recommended, a => a is SetFlagAction { Flag: "OVERFLOW_THRESHOLD", Value: "0.7" });
    }

    [Fact]
    public void High_latency_queue_depth_reads_vllm_waiting_requests()
    {
        var runbook = Get("high-latency");
        var queue = runbook.Decision!.Nodes.Values.Single(n => n.Ask.Contains("queue depth", StringComparison.OrdinalIgnoreCase));
        var check = runbook.FindCheck(queue.Answer!.Check)!;

        Assert.Equal("sum(vllm:num_requests_waiting)", Assert.IsType<PrometheusCheck>(check.Spec).Query);
    }

    [Fact]
    public void Security_exfiltration_query_parenthesises_the_or()
    {
        var sql = Assert.IsType<PostgresCheck>(Get("security-incident").FindCheck("exfiltration-patterns")!.Spec).Sql;

        Assert.Contains("(response LIKE '%API_KEY%' OR response LIKE '%password%') AND date = current_date", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_blocked_keys_are_counted_with_scan()
    {
        var redis = Assert.IsType<RedisCheck>(Get("security-incident").FindCheck("blocked-keys")!.Spec);

        Assert.Equal(RedisRead.Count, redis.Read);
        Assert.Equal("blocked:*", redis.Argument);
    }

    [Fact]
    public void Cost_spike_reads_the_cache_hit_rate_not_a_missing_info_field()
    {
        var redis = Assert.IsType<RedisCheck>(Get("cost-spike").FindCheck("cache-hit-rate")!.Spec);

        Assert.Equal(RedisRead.HitRate, redis.Read);
    }

    [Fact]
    public void Emergency_only_shedding_needs_two_approvers_wherever_it_is_offered()
    {
        var shedding = Loaded.Value.Runbooks
            .SelectMany(r => r.Mitigations)
            .Where(m => m.Action is SetFlagAction { Flag: "SHED_RATE" })
            .ToList();

        Assert.NotEmpty(shedding);
        Assert.All(shedding, m => Assert.True(m.Emergency, $"{m.Id} sheds requests but is not marked emergency"));
        Assert.True(Get("high-latency").FindMitigation("shed-requests")!.Emergency);
    }

    [Theory]
    [InlineData("quality-regression", "QUALITY_THRESHOLD")]
    [InlineData("cost-spike", "MODEL")]
    [InlineData("cost-spike", "CACHE_EVERYTHING")]
    [InlineData("cost-spike", "GLOBAL_RATE_LIMIT")]
    [InlineData("cost-spike", "GRACEFUL_DEGRADATION")]
    public void Emergency_controls_of_the_seed_are_emergency_flags(string runbookId, string flag)
    {
        var mitigation = Get(runbookId).Mitigations.Single(m => m.Action is SetFlagAction f && f.Flag == flag);

        Assert.True(mitigation.Emergency, $"{mitigation.Id} should need two approvers");
    }

    [Fact]
    public void Cheaper_model_is_the_seeds_haiku()
    {
        var action = Assert.IsType<SetFlagAction>(Get("cost-spike").FindMitigation("switch-to-cheaper-model")!.Action);

        Assert.Equal("claude-3-5-haiku", action.Value);
    }

    [Fact]
    public void Every_mitigation_is_offered_by_some_leaf_of_its_tree()
    {
        foreach (var runbook in Loaded.Value.Runbooks)
        {
            var offered = runbook.Decision!.Nodes.Values
                .SelectMany(n => new[] { n.Yes, n.No })
                .OfType<DecisionLeaf>()
                .SelectMany(l => l.Recommend)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var mitigation in runbook.Mitigations)
                Assert.True(offered.Contains(mitigation.Id), $"{runbook.Id}: mitigation '{mitigation.Id}' is never recommended");
        }
    }
}
