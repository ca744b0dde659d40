using System.Globalization;
using System.Net;
using ChatOps.LocalWorkspace;
using ChatOps.TestKit.Servers;

namespace ChatOps.Host.Tests;

/// <summary>
/// A real Prometheus scrapes the host's <c>/metrics</c> on its loopback port while signed Slack commands come in, and its
/// HTTP API shows the bot's own numbers move: deliveries by endpoint and outcome, checks by kind and grade, chat calls
/// by method and status, time to acknowledge and resolve, open incidents.
/// </summary>
[Collection(MachineHeavyCollection.Name)]
public sealed class MetricsScrapeTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly HttpClient _client = new();
    private KestrelChatOpsFactory _factory = null!;
    private PrometheusServer _prometheus = null!;

    public async Task InitializeAsync()
    {
        _factory = new KestrelChatOpsFactory();
        _prometheus = new PrometheusServer();
        _factory.StartServer();
        // The open-incidents gauge reports once the host has read the store for a scrape: the bot's meter is exported.
        await _prometheus.StartAsync(_factory.Address.ToString(), readyWhen: "chatops_incidents_open");
    }

    [Fact]
    public async Task Prometheus_scrapes_the_bots_metrics_and_they_move_with_traffic()
    {
        const string Accepted = "sum(chatops_inbound_requests_total{endpoint=\"/slack/commands\",outcome=\"accepted\"})";
        Assert.Equal(0, await _prometheus.ValueAsync(Accepted) ?? 0);
        var channel = Waits.NewChannel();
        var workspace = _factory.Workspace;

        await SayAsync(WorkspaceDirectory.Bob, channel, "declare sev2 Metrics move with traffic");
        var root = await workspace.RootAsync(channel, "Metrics move with traffic");
        await SayAsync(WorkspaceDirectory.Bob, channel, "run high-latency");
        await SayAsync(WorkspaceDirectory.Alice, channel, "lead @bob");
        await workspace.ReplyAsync(root.Ts, "is now the commander");
        await SayAsync(WorkspaceDirectory.Bob, channel, "resolve the pool was scaled");
        await workspace.ReplyAsync(root.Ts, "resolved after");
        Assert.Contains("is not a severity", await SayAsync(WorkspaceDirectory.Bob, channel, "sev 9"), StringComparison.Ordinal);

        await MovesAsync(Accepted, v => v >= 4);
        await MovesAsync("sum(chatops_inbound_requests_total{endpoint=\"/slack/commands\",outcome=\"refused\"})", v => v >= 1);
        await MovesAsync("sum(chatops_check_duration_seconds_count{kind=\"prometheus\"})", v => v >= 1);
        await MovesAsync("sum(chatops_inbound_acknowledgement_duration_seconds_count{endpoint=\"/slack/commands\"})", v => v >= 5);
        await MovesAsync("sum(chatops_chat_calls_total{platform=\"slack\",method=\"chat.postMessage\",status=\"200\"})", v => v >= 2);
        await MovesAsync("sum(chatops_incident_time_to_acknowledge_seconds_count{severity=\"sev2\"})", v => v == 1);
        await MovesAsync("sum(chatops_incident_time_to_resolve_seconds_count{severity=\"sev2\"})", v => v == 1);
        await MovesAsync("sum(chatops_incidents_open{severity=\"sev2\"})", v => v == 0);
        await MovesAsync("sum(chatops_work_queue_depth{state=\"dead\"})", v => v == 0);
    }

    /// <summary>A signed slash command to the host's real port; the body is what the bot answered at once.</summary>
    private async Task<string> SayAsync(string user, string channel, string text)
    {
        using var response = await _client.CommandAsync(user, channel, text, address: _factory.Address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task MovesAsync(string query, Func<double, bool> expected) =>
        Eventually.WaitAsync(async () => await _prometheus.ValueAsync(query) is { } value && expected(value), Patience,
            () => $"{query} is {_prometheus.ValueAsync(query).GetAwaiter().GetResult()?.ToString(CultureInfo.InvariantCulture) ?? "absent"}");

    public async Task DisposeAsync()
    {
        await _prometheus.DisposeAsync();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _client.Dispose();
}
