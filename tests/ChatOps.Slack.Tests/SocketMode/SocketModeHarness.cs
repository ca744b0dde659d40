using ChatOps.Slack.SocketMode;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>
/// The Socket Mode worker as AddSlack registers it, pointed at a <see cref="FakeSocketModeServer"/>, on a clock the test
/// moves. <see cref="Timeout"/> only guards against a hang; nothing waits on it.
/// </summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _patience = new(Patience);
    private readonly ServiceProvider _services;

    private SocketModeHarness(FakeSocketModeServer server, int connections)
    {
        Server = server;
        _services = SlackServices.Build(
            new Dictionary<string, string?>
            {
                ["SLACK_BOT_TOKEN"] = "xoxb-test",
                ["SLACK_APP_TOKEN"] = FakeSocketModeServer.AppToken,
                ["SLACK_API_URL"] = server.ApiUrl.ToString(),
                ["Slack:SocketModeConnections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Time,
            services => services.AddSingleton<ISocketModeEnvelopeHandler>(Handler));
        Worker = _services.GetServices<IHostedService>().OfType<SocketModeWorker>().Single();
    }

    public FakeSocketModeServer Server { get; }

    public WatchedTimeProvider Time { get; } = new();

    public RecordingEnvelopeHandler Handler { get; } = new();

    public SocketModeWorker Worker { get; }

    public CancellationToken Timeout => _patience.Token;

    /// <summary>Starts the fake server, lets <paramref name="prepare"/> script it, then starts the worker.</summary>
    public static async Task<SocketModeHarness> StartAsync(int connections = 1, Action<FakeSocketModeServer>? prepare = null)
    {
        var server = await FakeSocketModeServer.StartAsync();
        prepare?.Invoke(server);
        var harness = new SocketModeHarness(server, connections);
        await harness.Worker.StartAsync(CancellationToken.None);
        return harness;
    }

    public Task<FakeSocketModeConnection> NextConnectionAsync() => Server.NextConnectionAsync(Timeout);

    /// <summary>Waits until the worker starts a reconnect backoff of its step (after <paramref name="failures"/> failures) and returns its length.</summary>
    public Task<TimeSpan> NextBackoffAsync(int failures = 0)
    {
        var step = ReconnectBackoff.Initial * Math.Pow(2, failures);
        return Time.NextTimerAsync(d => d >= step / 2 && d <= step, Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        _patience.Dispose();
    }
}
