using System.Net.WebSockets;
using System.Text.Json;
using ChatOps.Slack.Outbound;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Keeps one of the <see cref="SlackOptions.SocketModeConnections"/> open. When Slack asks for a reconnect, the fresh
/// connection is opened first and the old one closed after, so nothing is missed in between; when a socket drops or
/// cannot be opened, it waits with <see cref="ReconnectBackoff"/> and tries again.
/// </summary>
internal sealed partial class ConnectionSlot(
    int number,
    SocketModeApiClient api,
    EnvelopeDispatcher dispatcher,
    TimeProvider time,
    ILogger logger)
{
    // Slack turned Socket Mode off for the app; reconnecting cannot help.
    private const string LinkDisabled = "link_disabled";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(Random.Shared);
        SocketModeConnection? live = null;
        SocketModeConnection? retiring = null;
        var opened = 0;
        try
        {
            while (true)
            {
                try
                {
                    var url = await api.OpenConnectionAsync(stoppingToken);
                    live = await SocketModeConnection.OpenAsync(url, $"{number}.{++opened}", dispatcher, time, logger, stoppingToken);
                }
                catch (Exception e) when (CouldNotConnect(e, stoppingToken))
                {
                    var wait = backoff.Next();
                    if (e is SlackApiException refused) LogRefused(number, refused.Error, wait);
                    else LogUnreachable(e, number, wait);
                    await Task.Delay(wait, time, stoppingToken);
                    continue;
                }
                if (retiring is not null)
                {
                    await retiring.CloseAsync();
                    retiring = null;
                }

                await Task.WhenAny(live.ReplacementRequested, live.Ended).WaitAsync(stoppingToken);
                if (live.ReplacementRequested.IsCompletedSuccessfully)
                {
                    if (await live.ReplacementRequested == LinkDisabled)
                    {
                        LogLinkDisabled(live.Name);
                        return;
                    }
                    // A requested reconnect is routine: the old connection serves until the new one is up.
                    backoff.Reset();
                    (retiring, live) = (live, null);
                    continue;
                }

                var failure = await live.Ended;
                if (live.Uptime >= ReconnectBackoff.HealthyAfter) backoff.Reset();
                var delay = backoff.Next();
                LogDropped(failure, live.Name, delay);
                await live.CloseAsync();
                live = null;
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the connections close below.
        }
        finally
        {
            if (retiring is not null) await retiring.CloseAsync();
            if (live is not null) await live.CloseAsync();
        }
    }

    private static bool CouldNotConnect(Exception e, CancellationToken stoppingToken) =>
        e is SlackApiException or HttpRequestException or WebSocketException or SocketModeException or JsonException
        // HttpClient reports its own timeout as a cancellation.
        || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Socket Mode connection {Slot}: Slack refused apps.connections.open ({Error}); trying again in {Delay}")]
    private partial void LogRefused(int slot, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Slot} could not be opened; trying again in {Delay}")]
    private partial void LogUnreachable(Exception exception, int slot, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Name} ended; reconnecting in {Delay}")]
    private partial void LogDropped(Exception? exception, string name, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode connection {Name}: Slack disabled Socket Mode for the app " +
        "(link_disabled); this connection stops. Turn Socket Mode back on in the app's settings and restart")]
    private partial void LogLinkDisabled(string name);
}
