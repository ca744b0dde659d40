using ChatOps.Core.Incidents;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>
/// A drill through the whole host: the shipped scenarios load beside the binaries, and a drill declared from Slack plays
/// against its scenario while every target the runbooks name is configured to a tripwire that counts connections.
/// </summary>
public sealed class DrillHostTests(DrillHostTests.TripwiredFactory factory) : IClassFixture<DrillHostTests.TripwiredFactory>
{
    private const string Alice = "U0ALICE001";
    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _channel = Waits.NewChannel();

    [Fact]
    public async Task A_drill_from_slack_is_marked_runs_its_scenario_and_reaches_no_configured_target()
    {
        await _client.CommandAsync(Alice, _channel, "drill gpu-saturation");

        var root = await factory.Workspace.RootAsync(_channel, "[DRILL] GPU saturation and a long vLLM queue");
        await factory.Workspace.ReplyAsync(root.Ts, "nothing real is touched");
        var decision = await factory.Workspace.ReplyAsync(root.Ts, "Is GPU utilization &gt; 90%? → Yes");
        Assert.Contains("gpu-utilization: value = 94.25", decision.Content(), StringComparison.Ordinal);
        var drill = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        Assert.Equal("gpu-saturation", drill.Drill);
        Assert.Equal(0, factory.Tripwire.Connections);
    }

    /// <summary>The host of <see cref="ChatOpsFactory"/>, its targets all leading to one tripwire.</summary>
    public sealed class TripwiredFactory : ChatOpsFactory
    {
        public Tripwire Tripwire { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in Tripwire.TargetSettings()) builder.UseSetting(key, value);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Tripwire.DisposeAsync();
        }
    }
}
