using ChatOps.Core.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

internal static class SocketModeRegistration
{
    /// <summary>The apps.connections.open client and, when an app token is configured, the <see cref="SocketModeWorker"/>.</summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddHttpClient<SocketModeApiClient>((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiUrl!);
                client.Timeout = SocketModeApiClient.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The worker keeps its client for the life of the process; PooledConnectionLifetime recycles connections instead.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp =>
                new ChatCallMetering(sp.GetRequiredService<ChatCallMetrics>(), SlackPlatform.Name, "apps.connections.open"));

        // Configuration is read only once the host is built, so whether Socket Mode runs is decided as the host starts
        // its services: without an app token no worker is made and no envelope handler is needed.
        services.AddSingleton<IHostedService>(sp =>
        {
            if (!sp.GetRequiredService<IOptions<SlackOptions>>().Value.SocketMode) return new SocketModeOff();
            var handler = sp.GetService<ISocketModeEnvelopeHandler>() ?? throw new InvalidOperationException(
                "Socket Mode is on (Slack:AppToken / SLACK_APP_TOKEN is set) but no ISocketModeEnvelopeHandler is registered " +
                "to take its envelopes.");
            return ActivatorUtilities.CreateInstance<SocketModeWorker>(sp, handler);
        });
        return services;
    }

    /// <summary>Stands in for the worker when no app token is configured.</summary>
    private sealed class SocketModeOff : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
