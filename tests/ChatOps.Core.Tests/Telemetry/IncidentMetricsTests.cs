using System.Diagnostics.Metrics;
using ChatOps.Core.Incidents;
using ChatOps.TestKit;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatOps.Core.Tests.Telemetry;

/// <summary>MTTA at the first commander or status change, MTTR at resolution, each once and by severity.</summary>
public sealed class IncidentMetricsTests
{
    private static MetricCollector<double> Histogram(Conversation chat, string name) => new(chat.Get<IMeterFactory>(), "ChatOps", name);

    [Fact]
    public async Task The_first_commander_acknowledges_and_resolving_records_the_time_to_resolve()
    {
        await using var chat = new Conversation(managers: ["U-ALICE"]);
        using var acknowledged = Histogram(chat, "chatops.incident.time_to_acknowledge");
        using var resolved = Histogram(chat, "chatops.incident.time_to_resolve");
        await chat.DeclareAsync("U-BOB", "sev2 GPU saturation");

        chat.Time.Advance(TimeSpan.FromMinutes(4));
        await chat.SayAsync("U-ALICE", "lead <@U-CAROL>");
        chat.Time.Advance(TimeSpan.FromMinutes(20));
        await chat.SayAsync("U-CAROL", "mitigated");
        await chat.SayAsync("U-ALICE", "lead <@U-DAVE>");
        chat.Time.Advance(TimeSpan.FromMinutes(36));
        await chat.SayAsync("U-DAVE", "resolve");

        var ack = Assert.Single(acknowledged.GetMeasurementSnapshot());
        Assert.Equal(240, ack.Value);
        Assert.Equal("sev2", ack.Tags["severity"]);
        var resolve = Assert.Single(resolved.GetMeasurementSnapshot());
        Assert.Equal(3600, resolve.Value);
        Assert.Equal("sev2", resolve.Tags["severity"]);
    }

    [Fact]
    public async Task Without_a_commander_the_first_status_change_acknowledges()
    {
        await using var chat = new Conversation();
        using var acknowledged = Histogram(chat, "chatops.incident.time_to_acknowledge");
        await chat.DeclareAsync("U-BOB", "sev4 slow embeddings");

        chat.Time.Advance(TimeSpan.FromSeconds(90));
        await chat.SayAsync("U-BOB", "cause the embedding cache was cold");
        await chat.SayAsync("U-BOB", "note still warming");

        var ack = Assert.Single(acknowledged.GetMeasurementSnapshot());
        Assert.Equal(90, ack.Value);
        Assert.Equal("sev4", ack.Tags["severity"]);
    }

    [Fact]
    public async Task A_refused_change_records_nothing()
    {
        await using var chat = new Conversation();
        using var resolved = Histogram(chat, "chatops.incident.time_to_resolve");
        await chat.DeclareAsync("U-BOB", "sev3 disk");
        await chat.SayAsync("U-BOB", "resolve");

        Assert.NotNull((await chat.SayAsync("U-BOB", "resolve")).Error);
        Assert.Single(resolved.GetMeasurementSnapshot());
    }

    [Fact]
    public void A_drill_is_not_measured()
    {
        var time = new FakeTimeProvider(TestIncidents.Real.DeclaredAt.AddMinutes(30));
        // A factory of its own: the shared one's meters count for tests running beside this one.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new IncidentMetrics(meters, time);
        using var acknowledged = new MetricCollector<double>(meters, "ChatOps", "chatops.incident.time_to_acknowledge");
        using var resolved = new MetricCollector<double>(meters, "ChatOps", "chatops.incident.time_to_resolve");

        var drill = TestIncidents.Drill("gpu-saturation");
        metrics.Changed(drill, drill with { Status = IncidentStatus.Resolved, ResolvedAt = time.GetUtcNow() });
        var real = TestIncidents.Real;
        metrics.Changed(real, real with { Status = IncidentStatus.Resolved, ResolvedAt = time.GetUtcNow() });

        Assert.Single(acknowledged.GetMeasurementSnapshot());
        Assert.Equal(1800, Assert.Single(resolved.GetMeasurementSnapshot()).Value);
    }
}
