using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Pacing;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack: the inbound endpoints over HTTP and Socket Mode (both feed the core's inbound pipeline), the Web API client
    /// with its retries, the chat surface, user groups and display names. Needs the core's services.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="apiTransport">
    /// What carries the Web API calls, below the retries; null, or a null answer, is HTTPS to <see cref="SlackOptions.ApiUrl"/>.
    /// A host may hand in a transport of its own, such as a stand-in for Slack in the same process.
    /// </param>
    public static IServiceCollection AddSlack(this IServiceCollection services, Func<IServiceProvider, HttpMessageHandler?>? apiTransport = null)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ApiUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Slack:ApiUrl (SLACK_API_URL) must be an absolute http(s) URL such as https://slack.com/api/.")
            .Validate(o => o.PostInterval >= TimeSpan.Zero, "Slack:PostInterval must not be negative.")
            .Validate(o => o.UpdateInterval >= TimeSpan.Zero, "Slack:UpdateInterval must not be negative.")
            .Validate(o => o.GroupCacheDuration >= TimeSpan.Zero, "Slack:GroupCacheDuration must not be negative.")
            .Validate(o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken (SLACK_APP_TOKEN) must be an app-level token, starting with xapp-.")
            .Validate(o => !o.SocketMode || !string.IsNullOrEmpty(o.BotToken),
                "Slack:AppToken (SLACK_APP_TOKEN) needs Slack:BotToken (SLACK_BOT_TOKEN) too: Socket Mode brings Slack's requests in, the bot token sends the answers.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<SlackOptions>, SlackOptionsSetup>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ChatCallMetrics>();

        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<DeclareModal>();
        services.AddSingleton<FormModal>();
        services.AddSingleton<SlashCommandEndpoint>();
        services.AddSingleton<InteractionEndpoint>();
        services.AddSingleton<EventEndpoint>();

        var api = services.AddHttpClient<SlackApiClient>((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiUrl!);
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns the timeouts.
            })
            .ConfigurePrimaryHttpMessageHandler(sp => apiTransport?.Invoke(sp) ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The client lives in singletons; connections are recycled by PooledConnectionLifetime instead of handler rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        api.AddResilienceHandler("slack", SlackResilience.Configure);
        // Below the retries: each attempt is counted, 429s that a retry waited out included.
        api.AddHttpMessageHandler(sp => new ChatCallMetering(sp.GetRequiredService<ChatCallMetrics>(), SlackPlatform.Name, "unknown"));
        services.AddSingleton<SlackHealthCheck>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack", HealthStatus.Degraded, ["ready"]);

        // In process unless the host registered shared ones (Redis) first.
        services.TryAddSingleton<IPaceTokens, InProcessPaceTokens>();
        services.TryAddSingleton<IGroupMembersCache, InProcessGroupMembersCache>();
        services.AddSingleton(sp => new ChannelPacer(
            sp.GetRequiredService<IOptionsMonitor<SlackOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IPaceTokens>()));
        services.AddSingleton<SlackChatSurface>();
        services.AddSingleton<IChatSurface>(sp => sp.GetRequiredService<SlackChatSurface>());
        services.AddSingleton<IPersonNames, SlackUserNames>();
        services.AddSingleton<IPlatformGroups, SlackGroups>();
        services.AddSingleton<ISocketModeEnvelopeHandler, SocketModeInbound>();
        services.AddSlackSocketMode();
        return services;
    }
}
