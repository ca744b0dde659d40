using System.Diagnostics.Metrics;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatOps.Core.Tests.Telemetry;

/// <summary>Each request is counted once when it reaches an outcome; steps on the way (approved, executing) are not outcomes.</summary>
public sealed class MitigationMetricsTests
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";

    private static async Task<(Conversation Chat, FakeMitigationExecutor Scale, MetricCollector<long> Outcomes)> StartAsync()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        var chat = new Conversation(approvers: [Approver], configure: services => services.Add(new(typeof(IMitigationExecutor), scale)));
        var outcomes = new MetricCollector<long>(chat.Get<IMeterFactory>(), "ChatOps", "chatops.mitigation.outcomes");
        await chat.DeclareAsync(Alice, "sev3 latency");
        return (chat, scale, outcomes);
    }

    private static List<string?> Outcomes(MetricCollector<long> outcomes) =>
        [.. outcomes.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"])];

    [Fact]
    public async Task Executed_then_reverted_each_once_with_their_runbook()
    {
        var (chat, _, outcomes) = await StartAsync();
        await using var _ = chat;
        using var __ = outcomes;

        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await chat.SayAsync(Approver, "approve MIT-1");
        Assert.NotNull((await chat.SayAsync(Approver, "approve MIT-1")).Error);
        await chat.SayAsync(Alice, "revert MIT-1");
        await chat.SayAsync(Approver, "approve MIT-2");

        Assert.Equal(["executed", "reverted"], Outcomes(outcomes));
        Assert.All(outcomes.GetMeasurementSnapshot(), m => Assert.Equal("high-latency", m.Tags["runbook"]));
    }

    [Fact]
    public async Task Denied_failed_and_expired_are_outcomes()
    {
        var (chat, scale, outcomes) = await StartAsync();
        await using var _ = chat;
        using var __ = outcomes;

        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await chat.SayAsync(Approver, "deny MIT-1 not while the batch job runs");
        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        scale.FailWith = "deployments.apps \"vllm\" is forbidden";
        await chat.SayAsync(Approver, "approve MIT-2");
        chat.Time.Advance(TimeSpan.FromMinutes(16));
        await chat.Get<MitigationExpiry>().SweepAsync(default);

        Assert.Equal(["denied", "failed", "expired"], Outcomes(outcomes));
    }
}
