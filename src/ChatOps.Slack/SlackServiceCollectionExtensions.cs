using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Work;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Local;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.SocketMode;
using ChatOps.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack: the inbound endpoints' services, the Web API client with its retries, the chat surface, the role
    /// directory over user groups, the background command job, the local workspace, and Socket Mode when an app token is
    /// configured (it then needs an <see cref="ISocketModeEnvelopeHandler"/>). Needs the core's services,
    /// an <see cref="IWorkQueue"/> and an <see cref="Core.Delivery.IDeliveryDeduplicator"/>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ApiUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Slack:ApiUrl (SLACK_API_URL) must be an absolute http(s) URL such as https://slack.com/api/.")
            .Validate(o => o.PostInterval >= TimeSpan.Zero, "Slack:PostInterval must not be negative.")
            .Validate(o => o.ManagerGroupCacheDuration >= TimeSpan.Zero && o.DeliveryWindow > TimeSpan.Zero,
                "Slack:ManagerGroupCacheDuration and Slack:DeliveryWindow must be positive.")
            .Validate(o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken (SLACK_APP_TOKEN) must be an app-level token, starting with xapp-.")
            .Validate(o => !o.SocketMode || !o.LocalWorkspace,
                "Slack:AppToken (SLACK_APP_TOKEN) needs Slack:BotToken (SLACK_BOT_TOKEN) too: Socket Mode brings Slack's requests in, the bot token sends the answers.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<SlackOptions>, SlackOptionsSetup>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<DeclareModal>();
        services.AddSingleton<SlashCommandEndpoint>();
        services.AddSingleton<InteractionEndpoint>();
        services.AddSingleton<EventEndpoint>();

        services.AddHttpClient<SlackApiClient>((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiUrl!);
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns the timeouts.
            })
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.InMemoryApi
                ? new LocalApiHandler(sp.GetRequiredService<LocalWebApi>())
                : new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The client lives in singletons; connections are recycled by PooledConnectionLifetime instead of handler rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("slack", SlackResilience.Configure);

        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<SlackChatSurface>();
        services.AddSingleton<IChatSurface>(sp => sp.GetRequiredService<SlackChatSurface>());
        services.AddSingleton<SlackUserNames>();
        services.TryAddSingleton<ConfiguredRoleDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IRoleDirectory, SlackRoleDirectory>());
        services.AddSingleton<IWorkHandler, SlackCommandJob>();
        services.AddSlackSocketMode();

        services.AddSingleton<LocalWorkspace>();
        services.AddSingleton<LocalWebApi>();
        services.AddSingleton<LocalActions>();
        services.AddSingleton<LocalForwarder>();
        services.AddHttpClient(LocalForwarder.ClientName);
        return services;
    }
}
