using ChatOps.Core.Checks;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Checks;

[Collection(PlatformCollection.Name)]
public sealed class KubernetesLogsCheckTests(PlatformFixture platform)
{
    private async Task<CheckResult> RunAsync(string yaml, string target = "cluster")
    {
        await using var services = platform.Services();
        var check = TestChecks.One($"id: k\ntitle: Logs\nkind: kubernetes-logs\ntarget: {target}\n{yaml}");
        return await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, check, CancellationToken.None);
    }

    [Fact]
    public async Task Matching_lines_of_every_pod_of_the_selector_are_counted_in_time_order()
    {
        var result = await RunAsync("selector: app=api-gateway\nsince: 5m\nmatch: ERROR\nwarn: count > 0");

        Assert.Equal(CheckGrade.Warn, result.Grade);
        Assert.Equal(4, result.Values["count"].Number);
        Assert.Equal("4 matching lines in 2 pods", result.Observation!.Summary);
        var lines = result.Observation.Detail!.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\d\d:\d\d:\d\d api-gateway-7d9f-abc12 \| ERROR connection refused: redis.llm:6379$", lines[0]);
        Assert.EndsWith("api-gateway-7d9f-def34 | ERROR 502 Bad Gateway from upstream vllm-2", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_carries_the_selector_the_window_and_timestamps()
    {
        await RunAsync("selector: app=api-gateway\nsince: 1h\nmatch: nothing");

        Assert.Contains(platform.Kubernetes.Requests, r => r.Path.StartsWith("/api/v1/namespaces/llm/pods?labelSelector=app%3Dapi-gateway", StringComparison.Ordinal));
        Assert.Contains(platform.Kubernetes.Requests, r => r.Path.StartsWith("/api/v1/namespaces/llm/pods/api-gateway-7d9f-abc12/log?", StringComparison.Ordinal)
            && r.Path.Contains("sinceSeconds=3600", StringComparison.Ordinal) && r.Path.Contains("timestamps=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_last_tail_lines_are_kept_but_all_are_counted()
    {
        var result = await RunAsync("selector: app=api-gateway\nsince: 1h\ntail: 2");

        Assert.Equal(10, result.Values["count"].Number);
        Assert.Equal(2, result.Observation!.Detail!.Split('\n').Length);
        Assert.Equal("10 matching lines in 2 pods, last 2 shown", result.Observation.Summary);
    }

    [Fact]
    public async Task The_pattern_ignores_case()
    {
        var result = await RunAsync("selector: app=api-gateway\nsince: 1h\nmatch: ignore previous|system prompt|you are now");

        Assert.Equal(3, result.Values["count"].Number);
    }

    [Fact]
    public async Task Pending_pods_are_skipped()
    {
        var result = await RunAsync("selector: app=vllm\nsince: 10m\nmatch: error");

        Assert.Equal("2 matching lines in 2 pods", result.Observation!.Summary);
    }

    [Fact]
    public async Task A_container_is_chosen_for_pods_with_several()
    {
        var without = await RunAsync("selector: app=embeddings\nsince: 5m");
        var with = await RunAsync("selector: app=embeddings\nsince: 5m\ncontainer: server");

        Assert.Equal(CheckGrade.Error, without.Grade);
        Assert.Equal("reading the log of pod embeddings-0: the API answered 400 a container name must be specified for pod embeddings-0, choose one of: [server metrics-sidecar]", without.Error);
        Assert.Equal(1, with.Values["count"].Number);
    }

    [Fact]
    public async Task No_matching_pods_is_an_error_not_a_clean_bill()
    {
        var result = await RunAsync("selector: app=nothing");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("no pods match app=nothing in namespace llm", result.Error);
    }

    [Fact]
    public async Task An_unreachable_api_server_is_an_error_of_one_line()
    {
        var result = await RunAsync("selector: app=vllm", target: "dead-cluster");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("cannot reach Kubernetes target 'dead-cluster': ", result.Error, StringComparison.Ordinal);
    }
}
