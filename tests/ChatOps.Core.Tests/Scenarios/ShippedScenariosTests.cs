using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Scenarios;

/// <summary>The scenarios that ship in <c>scenarios/</c>: valid against the shipped runbooks, one per runbook, with the seed's symptoms.</summary>
public sealed class ShippedScenariosTests
{
    private static readonly Lazy<ScenarioLoadResult> Loaded = new(() =>
        ScenarioLoader.LoadFolder(RepoPaths.Scenarios, new RunbookCatalog(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks)));

    private static Scenario Get(string id) =>
        Loaded.Value.Scenarios.SingleOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"scenario {id} did not load: {string.Join("; ", Loaded.Value.Errors)}");

    [Fact]
    public void Every_shipped_scenario_loads_and_each_runbook_has_one()
    {
        Assert.True(Loaded.Value.IsValid, "Scenario errors:\n" + string.Join("\n", Loaded.Value.Errors));
        Assert.Equal(
            ["cost-spike", "high-error-rate", "high-latency", "quality-regression", "security-incident"],
            Loaded.Value.Scenarios.Select(s => s.Runbook).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_deployment_without_a_scenarios_runbook_leaves_that_scenario_out_only_when_asked()
    {
        var runbooks = new RunbookCatalog([.. RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks.Where(r => r.Id != "cost-spike")]);

        var strict = ScenarioLoader.LoadFolder(RepoPaths.Scenarios, runbooks);
        var lenient = ScenarioLoader.LoadFolder(RepoPaths.Scenarios, runbooks, skipUnplayable: true);

        Assert.Contains(strict.Errors, e => e.File == "spend-spike-one-user.yaml" && e.Message.StartsWith("scenario: runbook 'cost-spike' is not loaded", StringComparison.Ordinal));
        Assert.True(lenient.IsValid);
        Assert.DoesNotContain(lenient.Scenarios, s => s.Runbook == "cost-spike");
        Assert.Equal(4, lenient.Scenarios.Count);
    }

    [Fact]
    public void The_gpu_scenario_answers_with_dcgm_and_vllm_series_above_the_seeds_thresholds()
    {
        var scenario = Get("gpu-saturation");

        Assert.Contains("\"94.25\"", Assert.IsType<PrometheusReply>(scenario.Answers["gpu-utilization"].Reply).Result, StringComparison.Ordinal);
        Assert.Contains("\"37\"", Assert.IsType<PrometheusReply>(scenario.Answers["queue-depth"].Reply).Result, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(120), scenario.Answers["gpu-utilization"].Delay);
        Assert.Equal(4, scenario.State.Deployments["vllm"].Replicas);
    }

    [Fact]
    public void The_error_scenario_breaks_requests_down_by_status_code_and_asks_about_the_deploy()
    {
        var scenario = Get("gateway-5xx-spike");

        Assert.Contains("\"status_code\":\"503\"", ((PrometheusReply)scenario.Answers["errors-by-status"].Reply).Result, StringComparison.Ordinal);
        Assert.True(scenario.Questions["recent-deploy"]);
        Assert.Equal(["ghcr.io/acme/api-gateway:1.14.2", "ghcr.io/acme/api-gateway:1.15.0"], scenario.State.Deployments["api-gateway"].Revisions.Select(r => r.Image));
    }

    [Fact]
    public void The_quality_scenario_retrieves_nothing_and_the_cost_scenario_has_one_user_on_top()
    {
        Assert.Equal("{\"results\":[],\"took_ms\":41}", Assert.IsType<HttpReply>(Get("empty-retrievals").Answers["retrieval-results"].Reply).Body);

        var top = Assert.IsType<PostgresReply>(Get("spend-spike-one-user").Answers["top-users"].Reply);
        Assert.Equal(["user_id", "requests", "cost_usd"], top.Columns);
        Assert.Equal(ReplyCell.Of("u-4411"), top.Rows[0][0]);
        Assert.Equal(ReplyCell.Of(902.55), top.Rows[0][2]);
    }

    [Fact]
    public void The_security_scenario_has_injections_in_the_gateway_logs_and_leaks_in_responses()
    {
        var scenario = Get("leaked-keys-and-injection");

        var logs = Assert.IsType<PodLogsReply>(scenario.Answers["injection-attempts"].Reply);
        Assert.Equal(4, logs.Pods.Values.Sum(lines => lines.Count));
        Assert.Equal(2, Assert.IsType<PostgresReply>(scenario.Answers["exfiltration-patterns"].Reply).Rows.Count);
        Assert.Equal(CheckGrade.Critical, scenario.Expect.Grades.Single(g => g.Check == "exfiltration-patterns").Grade);
    }
}
