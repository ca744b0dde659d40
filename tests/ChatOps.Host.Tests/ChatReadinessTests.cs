using System.Net;
using ChatOps.TestKit.Servers;
using ChatOps.TestKit.Teams;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>
/// <c>/readyz</c> reports each configured chat platform: Slack's auth.test, Teams' token. A platform that does not answer
/// degrades the bot but keeps it in service: accepted work waits durably until the platform is back.
/// </summary>
public sealed class ChatReadinessTests : IDisposable
{
    private readonly ChatOpsFactory _factory = new();

    /// <summary>As a probe does, asks again while the platform's first answer is still on its way.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(HttpClient client)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), patience.Token);
            var body = await response.Content.ReadAsStringAsync(patience.Token);
            if (!body.Contains("not answered", StringComparison.Ordinal) || patience.IsCancellationRequested) return (response.StatusCode, body);
        }
    }

    [Fact]
    public async Task Slack_answering_auth_test_is_reported_healthy()
    {
        using var client = _factory.CreateClient();

        var (status, body) = await ReadyzAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Healthy\n", body, StringComparison.Ordinal);
        Assert.Contains("slack: Healthy: auth.test answered for workspace local", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_out_of_reach_leaves_the_bot_ready_but_degraded()
    {
        using var host = _factory.WithWebHostBuilder(b => b
            .UseSetting("LocalWorkspace:Enabled", "false")
            .UseSetting("SLACK_BOT_TOKEN", "xoxb-readiness-test")
            .UseSetting("SLACK_API_URL", $"http://127.0.0.1:{Loopback.FreePort()}/api/"));
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Degraded\n", body, StringComparison.Ordinal);
        Assert.Contains("slack: Degraded: Slack has not answered auth.test yet", body, StringComparison.Ordinal);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_holding_its_token_is_reported_healthy_and_slack_is_not_mentioned()
    {
        await using var botFramework = await FakeBotFramework.StartAsync();
        using var teams = new TeamsChatOpsFactory(botFramework);
        using var client = teams.CreateClient();

        var (status, body) = await ReadyzAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("teams: Healthy: the bot holds a Bot Connector token", body, StringComparison.Ordinal);
        Assert.DoesNotContain("slack", body, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
