using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Checks;

[Collection(PlatformCollection.Name)]
public sealed class HttpCheckTests(PlatformFixture platform)
{
    private async Task<CheckResult> RunAsync(string yaml)
    {
        await using var services = platform.Services();
        return await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, TestChecks.One("id: h\ntitle: HTTP\nkind: http\n" + yaml), CancellationToken.None);
    }

    [Fact]
    public async Task A_get_reports_status_and_latency()
    {
        var result = await RunAsync("target: vllm\npath: /health\ncritical: status != 200");

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.Equal(200, result.Values["status"].Number);
        Assert.True(result.Values.ContainsKey("latency_ms"));
        Assert.Matches(@"^200 OK in \d+ ms$", result.Observation!.Summary);
    }

    [Fact]
    public async Task A_post_sends_its_json_body_and_extracts_the_result_count()
    {
        var result = await RunAsync("""
            target: rag
            method: POST
            path: /search
            body: '{"query": "test query", "top_k": 5}'
            extract: .results | length
            warn: value < 5
            """);

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.Equal(5, result.Values["value"].Number);
        Assert.Contains("""{"query": "test query", "top_k": 5}""", platform.Http.SearchBodies);
        Assert.EndsWith(" · .results | length = 5", result.Observation!.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".a.b[0].c", 42)]
    [InlineData(".a.b[1].c", 7)]
    [InlineData(".items | length", 3)]
    [InlineData(". | length", 6)]
    [InlineData(".name | length", 8)]
    [InlineData(".ratio", 0.25)]
    [InlineData(".none | length", 0)]
    public async Task Extract_reads_numbers_along_a_path(string path, double expected)
    {
        var result = await RunAsync($"target: json\npath: /doc\nextract: '{path}'");

        Assert.Equal(expected, result.Values["value"].Number);
    }

    [Fact]
    public async Task Extract_keeps_text_as_text()
    {
        var result = await RunAsync("target: json\npath: /doc\nextract: .name");

        Assert.Equal("gpu-pool", result.Values["value"].Text);
    }

    [Fact]
    public async Task A_path_that_leads_nowhere_has_no_value()
    {
        var result = await RunAsync("target: json\npath: /doc\nextract: .a.missing[3]");

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.False(result.Values.ContainsKey("value"));
        Assert.EndsWith(".a.missing[3] found nothing", result.Observation!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_leads_nowhere_under_a_threshold_is_no_data_naming_the_path()
    {
        var result = await RunAsync("target: json\npath: /doc\nextract: .a.missing[3]\nwarn: value > 1");

        Assert.True(result.IsNoData);
        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("no data: the answer has nothing at .a.missing[3]", result.Error);
        Assert.Equal(200, result.Values["status"].Number);
    }

    [Fact]
    public async Task An_array_without_length_is_an_error_with_advice()
    {
        var result = await RunAsync("target: json\npath: /doc\nextract: .items");

        Assert.Equal("'.items' reads an array, not a number; add '| length' to count it", result.Error);
    }

    [Fact]
    public async Task A_500_is_an_observation_graded_by_status()
    {
        var result = await RunAsync("target: broken\npath: /health\ncritical: status != 200");

        Assert.Equal(CheckGrade.Critical, result.Grade);
        Assert.Equal(500, result.Values["status"].Number);
    }

    [Fact]
    public async Task A_500_with_extract_is_an_error_naming_the_status()
    {
        var result = await RunAsync("target: broken\npath: /search\nextract: .results | length");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("answered 500 Internal Server Error, so '.results | length' has nothing to read: upstream exploded: connection pool exhausted", result.Error);
    }

    [Fact]
    public async Task A_non_json_answer_with_extract_is_an_error()
    {
        var result = await RunAsync("target: garbage\npath: /search\nextract: .results | length");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("answered non-JSON (text/html): <html><body><h1>502 Bad Gateway</h1></body></html>", result.Error);
    }

    [Fact]
    public async Task A_refused_connection_is_an_error_of_one_line()
    {
        var result = await RunAsync("target: dead-http\npath: /health");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("cannot reach target 'dead-http' at http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task A_target_that_never_answers_times_out_through_the_runner()
    {
        var result = await RunAsync("target: stuck\npath: /health\ntimeout: 300ms");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("timed out after 300ms", result.Error);
    }

    [Fact]
    public async Task A_hanging_target_costs_only_its_own_check()
    {
        await using var services = platform.Services();
        var runner = services.GetRequiredService<CheckRunner>();
        CheckDefinition[] checks =
        [
            TestChecks.One("id: stuck\ntitle: Stuck\nkind: http\ntarget: stuck\npath: /health\ntimeout: 500ms"),
            TestChecks.One("id: healthy\ntitle: Healthy\nkind: http\ntarget: vllm\npath: /health\ncritical: status != 200"),
            TestChecks.One("id: dead\ntitle: Dead\nkind: http\ntarget: dead-http\npath: /health"),
            TestChecks.One("id: queue\ntitle: Queue\nkind: prometheus\ntarget: metrics\nquery: sum(vllm:num_requests_waiting)"),
        ];

        var results = await Task.WhenAll(checks.Select(c => runner.RunAsync(TestIncidents.Real, c, CancellationToken.None)));

        Assert.Equal([CheckGrade.Error, CheckGrade.Ok, CheckGrade.Error, CheckGrade.Ok], results.Select(r => r.Grade));
        Assert.Equal("timed out after 500ms", results[0].Error);
        Assert.Equal(25, results[3].Values["value"].Number);
    }
}
