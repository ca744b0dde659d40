using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Slack over Socket Mode: keeps <see cref="SlackOptions.SocketModeConnections"/> WebSockets open with the app-level
/// token and hands every envelope to the <see cref="ISocketModeEnvelopeHandler"/>, so the bot needs no public URL.
/// Runs only when an app token is configured.
/// </summary>
internal sealed partial class SocketModeWorker(
    SocketModeApiClient api,
    ISocketModeEnvelopeHandler handler,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var handlersStop = new CancellationTokenSource();
        var dispatcher = new EnvelopeDispatcher(handler, time, logger, handlersStop.Token);
        var connections = options.Value.SocketModeConnections;
        LogStarting(connections);
        await Task.WhenAll(Enumerable.Range(1, connections)
            .Select(number => new ConnectionSlot(number, api, dispatcher, time, logger).RunAsync(stoppingToken)));
        // Every socket is closed, so no handler still running can be acknowledged any more.
        await handlersStop.CancelAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode: opening {Connections} connection(s)")]
    private partial void LogStarting(int connections);
}
