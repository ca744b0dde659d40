using ChatOps.LocalWorkspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests;

/// <summary>Readiness asks Slack auth.test; a failure or no answer degrades, never fails, and an answer is reused for a while.</summary>
public sealed class SlackHealthCheckTests
{
    private static async Task<HealthReportEntry> ReadinessAsync(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"))).Entries["slack"];

    private static int AuthTests(IServiceProvider services) => services.Workspace().Calls.Count(c => c.Method == "auth.test");

    [Fact]
    public async Task Slack_answering_auth_test_is_healthy_and_the_answer_is_reused_until_it_is_old()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var services = SlackServices.Build(time: time);

        var first = await ReadinessAsync(services);
        services.Workspace().FailNext("auth.test", "invalid_auth");
        var reused = await ReadinessAsync(services);
        Assert.Equal(1, AuthTests(services));
        time.Advance(TimeSpan.FromSeconds(31));
        var refused = await ReadinessAsync(services);

        Assert.Equal((HealthStatus.Healthy, "auth.test answered for workspace local"), (first.Status, first.Description));
        Assert.Equal(HealthStatus.Healthy, reused.Status);
        Assert.Equal(2, AuthTests(services));
        Assert.Equal(HealthStatus.Degraded, refused.Status);
        Assert.StartsWith("Slack unreachable or refusing the bot: Slack auth.test failed: invalid_auth;", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_out_of_reach_is_degraded_not_unhealthy()
    {
        await using var services = SlackServices.Build(new Dictionary<string, string?>
        {
            ["SLACK_BOT_TOKEN"] = "xoxb-test",
            ["SLACK_API_URL"] = $"http://127.0.0.1:{TestKit.Servers.Loopback.FreePort()}/api/",
        });

        var entry = await ReadinessAsync(services);

        // The probe does not wait through the retries: it answers within its patience, and says Slack has not answered.
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("Slack has not answered auth.test yet", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bot_token_readiness_says_the_bot_cannot_post_and_calls_nothing()
    {
        await using var services = SlackServices.Build(new Dictionary<string, string?> { ["SLACK_BOT_TOKEN"] = "" });

        var entry = await ReadinessAsync(services);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("no bot token", entry.Description, StringComparison.Ordinal);
        Assert.Equal(0, AuthTests(services));
    }
}
