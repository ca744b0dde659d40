using System.Diagnostics.Metrics;
using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.TestKit;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatOps.Core.Tests.Telemetry;

/// <summary>Every check run is one duration in the histogram, tagged with its kind and the grade it got.</summary>
public sealed class CheckMetricsTests
{
    [Fact]
    public async Task Each_run_is_recorded_with_its_kind_and_grade_failures_included()
    {
        var prometheus = new ScriptedCheckExecutor("prometheus").Answer("gpu-utilization", 97).Fail("queue-depth", "connection refused");
        await using var chat = new Conversation(executors: [prometheus]);
        using var durations = new MetricCollector<double>(chat.Get<IMeterFactory>(), "ChatOps", "chatops.check.duration");
        var checks = chat.Get<RunbookCatalog>().Find("high-latency")!.Checks;
        var runner = chat.Get<CheckRunner>();

        var gpu = await runner.RunAsync(TestIncidents.Real, checks.Single(c => c.Id == "gpu-utilization"), default);
        var queue = await runner.RunAsync(TestIncidents.Real, checks.Single(c => c.Id == "queue-depth"), default);
        await runner.RunAsync(TestIncidents.Real, checks.First(c => c.Kind == "kubernetes-logs"), default);

        var recorded = durations.GetMeasurementSnapshot();
        Assert.Equal([("prometheus", "critical"), ("prometheus", "error"), ("kubernetes-logs", "error")],
            recorded.Select(m => ((string?)m.Tags["kind"], (string?)m.Tags["grade"])));
        Assert.Equal(CheckGrade.Critical, gpu.Grade);
        Assert.Equal(CheckGrade.Error, queue.Grade);
        Assert.Equal(gpu.Elapsed.TotalSeconds, recorded[0].Value);
    }
}
