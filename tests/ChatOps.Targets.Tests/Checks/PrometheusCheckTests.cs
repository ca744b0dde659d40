using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Checks;

[Collection(PlatformCollection.Name)]
public sealed class PrometheusCheckTests(PlatformFixture platform)
{
    private async Task<CheckResult> RunAsync(string query, string target = "metrics", string extra = "")
    {
        await using var services = platform.Services();
        var check = TestChecks.One($"""
            id: q
            title: Query
            kind: prometheus
            target: {target}
            query: '{query.Replace("'", "''", StringComparison.Ordinal)}'
            {extra}
            """);
        return await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, check, CancellationToken.None);
    }

    [Fact]
    public async Task An_aggregated_vector_gives_its_single_value()
    {
        var result = await RunAsync("sum(vllm:num_requests_waiting)", extra: "critical: value > 20");

        Assert.Equal(CheckGrade.Critical, result.Grade);
        Assert.Equal(25, result.Values["value"].Number);
        Assert.Equal(1, result.Values["count"].Number);
        Assert.Equal("25", result.Observation!.Summary);
        Assert.Null(result.Observation.Table);
    }

    [Fact]
    public async Task Several_series_become_a_table_of_labels_and_the_value_is_the_highest()
    {
        var result = await RunAsync("DCGM_FI_DEV_GPU_UTIL");

        Assert.Equal(97, result.Values["value"].Number);
        Assert.Equal(3, result.Values["count"].Number);
        var table = result.Observation!.Table!;
        Assert.Equal("__name__", table.Columns[0]);
        Assert.Equal("value", table.Columns[^1]);
        var pod = table.Columns.ToList().IndexOf("pod");
        Assert.Equal(["vllm-2", "vllm-0", "vllm-1"], table.Rows.Select(r => r[pod]));
        Assert.Equal(["97", "95", "92"], table.Rows.Select(r => r[^1]));
        Assert.StartsWith("3 series, highest 97 (", result.Observation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scalar_result_is_read()
    {
        var result = await RunAsync("scalar(max(vllm:kv_cache_usage_perc))");

        Assert.Equal(0.95, result.Values["value"].Number);
    }

    [Fact]
    public async Task Rates_of_the_scraped_counters_are_evaluated()
    {
        var result = await RunAsync("sum by (status_code) (rate(http_requests_total[5m]))");

        Assert.Equal(5, result.Values["count"].Number);
        var table = result.Observation!.Table!;
        Assert.Equal(["status_code", "value"], table.Columns);
        Assert.Equal("200", table.Rows[0][0]);
        Assert.All(table.Rows, r => Assert.True(double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task An_empty_vector_is_no_data_without_a_value()
    {
        var result = await RunAsync("sum(vllm:num_requests_waiting{pod=\"nope\"})");

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.Equal("no data: the query returned no series", result.Observation!.Summary);
        Assert.False(result.Values.ContainsKey("value"));
        Assert.Equal(0, result.Values["count"].Number);
    }

    [Fact]
    public async Task An_empty_vector_under_a_threshold_is_no_data_not_a_grading_failure()
    {
        var result = await RunAsync("sum(vllm:num_requests_waiting{pod=\"nope\"})", extra: "warn: value > 5");

        Assert.True(result.IsNoData);
        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("no data: the query returned no series", result.Error);
        Assert.Equal(0, result.Values["count"].Number);
        Assert.Equal("ERROR · Query: no data: the query returned no series", CheckResultView.Render(result).Summary);
    }

    [Fact]
    public async Task A_threshold_on_the_count_still_grades_an_empty_vector()
    {
        var result = await RunAsync("sum(vllm:num_requests_waiting{pod=\"nope\"})", extra: "critical: count == 0");

        Assert.False(result.IsNoData);
        Assert.Equal(CheckGrade.Critical, result.Grade);
    }

    [Fact]
    public async Task Not_a_number_under_a_threshold_is_no_data_that_says_why()
    {
        var result = await RunAsync("sum(vllm:num_requests_waiting) / 0 * 0", extra: "warn: value > 5");

        Assert.True(result.IsNoData);
        Assert.Equal("no data: the query returned NaN (not a number: often 0/0, no samples in the window)", result.Error);
    }

    [Fact]
    public async Task A_query_prometheus_refuses_is_an_error_with_its_reason()
    {
        var result = await RunAsync("sum(rate(http_requests_total[5m])");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("Prometheus refused the query (bad_data): ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task A_range_vector_is_refused_with_advice()
    {
        var result = await RunAsync("http_requests_total[1m]");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Contains("range vector", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_an_error_of_one_line()
    {
        var result = await RunAsync("up", target: "dead-metrics");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("cannot reach target 'dead-metrics' at http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_server_that_is_not_prometheus_is_an_error()
    {
        var result = await RunAsync("up", target: "not-prometheus");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("answered HTTP 200 with non-JSON, not the Prometheus API: <html>", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_of_another_kind_is_named_in_the_error()
    {
        var result = await RunAsync("up", target: "vllm");

        Assert.Equal("target 'vllm' is a http target; prometheus checks need a prometheus target", result.Error);
    }

    [Fact]
    public async Task A_target_that_is_not_configured_is_named_in_the_error()
    {
        var result = await RunAsync("up", target: "staging-metrics");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("target 'staging-metrics' is not configured", result.Error);
    }
}
