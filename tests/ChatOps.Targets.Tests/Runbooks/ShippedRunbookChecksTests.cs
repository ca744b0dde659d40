using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Runbooks;

/// <summary>
/// Every check of the five shipped runbooks, run concurrently through the check runner against the real servers,
/// grades as the fixture's data says it should (see <see cref="MetricsExporter"/>, <see cref="PlatformData"/>,
/// <see cref="PlatformPods"/> and <see cref="RedisServer"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShippedRunbookChecksTests(PlatformFixture platform)
{
    private static readonly Lazy<RunbookLoadResult> Loaded = new(() => RunbookLoader.LoadFolder(RepoPaths.Runbooks));

    private async Task<(Runbook Runbook, Dictionary<string, CheckResult> Results)> RunAsync(string id, Action<Dictionary<string, string?>>? change = null)
    {
        Assert.True(Loaded.Value.IsValid, string.Join("\n", Loaded.Value.Errors));
        var runbook = Loaded.Value.Runbooks.Single(r => r.Id == id);
        await using var services = platform.Services(change);
        var runner = services.GetRequiredService<CheckRunner>();
        var results = await Task.WhenAll(runbook.Checks.Select(c => runner.RunAsync(TestIncidents.Real, c, CancellationToken.None)));
        return (runbook, results.ToDictionary(r => r.Check.Id, StringComparer.Ordinal));
    }

    private static void AssertGrades(Dictionary<string, CheckResult> results, params (string Check, CheckGrade Grade)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Check).Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
        foreach (var (check, grade) in expected)
        {
            var result = results[check];
            Assert.True(result.Grade == grade, $"{check}: expected {grade}, got {result.Grade} ({result.Error ?? result.Observation?.Summary})");
        }
    }

    private static double Value(Dictionary<string, CheckResult> results, string check, string name = "value") =>
        results[check].Values[name].Number ?? throw new InvalidOperationException($"{check} has no numeric {name}");

    [Fact]
    public async Task High_latency_finds_the_gpus_saturated_and_the_queue_deep()
    {
        var (runbook, results) = await RunAsync("high-latency");

        AssertGrades(results,
            ("gpu-utilization", CheckGrade.Critical),
            ("gpu-utilization-max", CheckGrade.Warn),
            ("queue-depth", CheckGrade.Critical),
            ("requests-running", CheckGrade.Ok),
            ("kv-cache-usage", CheckGrade.Warn),
            ("preemptions", CheckGrade.Ok),
            ("e2e-latency-p95", CheckGrade.Warn),
            ("ttft-p95", CheckGrade.Warn),
            ("vllm-health", CheckGrade.Ok),
            ("vllm-errors", CheckGrade.Ok),
            ("gateway-upstream-errors", CheckGrade.Ok));
        Assert.Equal(94.6667, Value(results, "gpu-utilization"), 4);
        Assert.Equal(97, Value(results, "gpu-utilization-max"));
        Assert.Equal(25, Value(results, "queue-depth"));
        Assert.Equal(12, Value(results, "requests-running"));
        Assert.Equal(0.95, Value(results, "kv-cache-usage"));
        Assert.Equal(0, Value(results, "preemptions"));
        Assert.Equal(15, Value(results, "e2e-latency-p95"), 6);
        Assert.Equal(3.5, Value(results, "ttft-p95"), 6);
        Assert.Equal(3, Value(results, "vllm-errors", "count"));
        Assert.Equal(4, Value(results, "gateway-upstream-errors", "count"));

        // The tree's first question is settled by the GPU result alone, and its "yes" leaf offers the seed's mitigations.
        var start = runbook.Decision!.Nodes[runbook.Decision.Start];
        Assert.True(start.Answer!.When.Evaluate(results[start.Answer.Check].Values));
        var queue = runbook.Decision.Nodes["queue-high"];
        Assert.True(queue.Answer!.When.Evaluate(results[queue.Answer.Check].Values));
    }

    [Fact]
    public async Task High_error_rate_measures_five_percent_5xx_and_mostly_429s()
    {
        var (runbook, results) = await RunAsync("high-error-rate");

        AssertGrades(results,
            ("errors-by-status", CheckGrade.Ok),
            ("error-rate", CheckGrade.Critical),
            ("client-error-rate", CheckGrade.Warn),
            ("rate-limited-share", CheckGrade.Ok),
            ("gateway-errors", CheckGrade.Ok),
            ("model-health", CheckGrade.Ok),
            ("global-rate-limit", CheckGrade.Ok));
        Assert.Equal(5, Value(results, "errors-by-status", "count"));
        Assert.Equal(0.05, Value(results, "error-rate"), 9);
        Assert.Equal(0.10, Value(results, "client-error-rate"), 9);
        Assert.Equal(8.0 / 15, Value(results, "rate-limited-share"), 9);
        Assert.Equal(4, Value(results, "gateway-errors", "count"));
        Assert.Equal(RedisServer.GlobalCount, Value(results, "global-rate-limit"));

        var healthy = runbook.Decision!.Nodes["model-healthy"].Answer!;
        Assert.True(healthy.When.Evaluate(results[healthy.Check].Values));
    }

    [Fact]
    public async Task Quality_regression_sees_the_eval_score_fall_while_retrieval_works()
    {
        var (_, results) = await RunAsync("quality-regression");

        AssertGrades(results,
            ("eval-scores", CheckGrade.Ok),
            ("eval-score-vs-baseline", CheckGrade.Critical),
            ("sample-responses", CheckGrade.Ok),
            ("retrieval-results", CheckGrade.Ok),
            ("embedding-health", CheckGrade.Ok));
        Assert.Equal(0.875, Value(results, "eval-score-vs-baseline"), 9);
        Assert.Equal(1, Value(results, "eval-scores", "count"));
        Assert.Equal(5, Value(results, "sample-responses", "count"));
        Assert.Equal(5, Value(results, "retrieval-results"));
    }

    [Fact]
    public async Task Cost_spike_finds_spend_over_budget_and_dearer_requests()
    {
        var (_, results) = await RunAsync("cost-spike");

        AssertGrades(results,
            ("tokens-by-endpoint", CheckGrade.Ok),
            ("top-users", CheckGrade.Ok),
            ("cache-hit-rate", CheckGrade.Warn),
            ("avg-tokens", CheckGrade.Ok),
            ("spend-vs-budget", CheckGrade.Critical),
            // A fresh Prometheus has no samples from a week ago: no data, which the threshold cannot grade.
            ("traffic-vs-last-week", CheckGrade.Error),
            ("cost-per-request-ratio", CheckGrade.Critical));
        Assert.Equal(["/v1/chat", "/v1/completions", "/v1/embeddings"], results["tokens-by-endpoint"].Observation!.Table!.Rows.Select(r => r[0]));
        Assert.Equal(["alice", "mallory", "eve", "bob"], results["top-users"].Observation!.Table!.Rows.Select(r => r[0]));
        Assert.Equal(2400, Value(results, "avg-tokens"));
        // No budget is configured: today's 1300 USD against an ordinary day's 100 USD.
        Assert.Equal(13, Value(results, "spend-vs-budget"));
        Assert.Equal(2.6, Value(results, "cost-per-request-ratio"));
        Assert.Equal("no data: the query returned no series", results["traffic-vs-last-week"].Error);
    }

    [Fact]
    public async Task A_hundredfold_spend_spike_grades_critical_with_the_shipped_defaults()
    {
        var (_, results) = await RunAsync("cost-spike", settings => settings["Targets:platform-db:ConnectionString"] += PlatformData.SpikeSearchPath);

        Assert.Equal(CheckGrade.Critical, results["spend-vs-budget"].Grade);
        Assert.Equal(100, Value(results, "spend-vs-budget"));
    }

    [Fact]
    public async Task A_configured_daily_budget_changes_the_spend_grade()
    {
        var configured = RunbookLoader.LoadFolder(RepoPaths.Runbooks, RunbookValues.Of(("cost-spike", "daily_budget_usd", "2000")));
        Assert.True(configured.IsValid, string.Join("\n", configured.Errors));
        var check = configured.Runbooks.Single(r => r.Id == "cost-spike").FindCheck("spend-vs-budget")!;
        await using var services = platform.Services();

        var result = await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, check, CancellationToken.None);

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.Equal(0.65, result.Values["value"].Number);
    }

    [Fact]
    public async Task Security_incident_finds_the_leaks_the_injections_and_the_blocked_clients()
    {
        var (runbook, results) = await RunAsync("security-incident");

        AssertGrades(results,
            ("injection-attempts", CheckGrade.Warn),
            ("exfiltration-patterns", CheckGrade.Critical),
            ("blocked-keys", CheckGrade.Ok),
            ("high-risk-activity", CheckGrade.Warn));
        Assert.Equal(3, Value(results, "injection-attempts", "count"));
        // Today's two leaks, not yesterday's: the seed's OR without parentheses would have counted it.
        Assert.Equal(["mallory", "eve"], results["exfiltration-patterns"].Observation!.Table!.Rows.Select(r => r[0]).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(RedisServer.BlockedKeys, Value(results, "blocked-keys"));
        Assert.Equal(2, Value(results, "high-risk-activity", "count"));

        var leak = runbook.Decision!.Nodes["data-leak"].Answer!;
        Assert.True(leak.When.Evaluate(results[leak.Check].Values));
    }

    [Fact]
    public async Task Posted_results_carry_no_leaked_key_from_the_database_or_the_logs()
    {
        var (_, security) = await RunAsync("security-incident");
        var (_, latency) = await RunAsync("high-error-rate");

        var posted = security.Values.Concat(latency.Values).Select(CheckResultView.Render)
            .SelectMany(m => m.Blocks.SelectMany(Texts).Append(m.Summary)).ToList();

        Assert.Contains(security["high-risk-activity"].Observation!.Table!.Rows.SelectMany(r => r), c => c.Contains(PlatformData.LeakedKey, StringComparison.Ordinal));
        Assert.Contains(PlatformPods.LoggedKey, latency["gateway-errors"].Observation!.Detail!, StringComparison.Ordinal);
        Assert.Contains(posted, t => t.Contains("sk-ant-api03-[REDACTED]", StringComparison.Ordinal));
        Assert.DoesNotContain(posted, t => t.Contains(PlatformData.LeakedKey, StringComparison.Ordinal) || t.Contains(PlatformPods.LoggedKey, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Texts(MessageBlock block) => block switch
    {
        TextBlock t => [t.Text],
        ContextBlock c => [c.Text],
        TableBlock t => t.Columns.Concat(t.Rows.SelectMany(r => r)),
        _ => [],
    };

    [Fact]
    public async Task A_dead_target_costs_only_its_own_checks()
    {
        var (_, results) = await RunAsync("high-error-rate", settings =>
        {
            settings["Targets:vllm:Url"] = $"http://127.0.0.1:{platform.DeadPort}";
            settings.Remove("Targets:platform-redis:Kind");
            settings.Remove("Targets:platform-redis:ConnectionString");
        });

        Assert.Equal(CheckGrade.Error, results["model-health"].Grade);
        Assert.StartsWith("cannot reach target 'vllm'", results["model-health"].Error, StringComparison.Ordinal);
        Assert.Equal("target 'platform-redis' is not configured", results["global-rate-limit"].Error);
        Assert.Equal(CheckGrade.Critical, results["error-rate"].Grade);
        Assert.Equal(4, Value(results, "gateway-errors", "count"));
    }
}
