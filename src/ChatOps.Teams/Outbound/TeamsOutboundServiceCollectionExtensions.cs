using ChatOps.Core.Chat;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Outbound;

public static class TeamsOutboundServiceCollectionExtensions
{
    /// <summary>
    /// Teams outbound: the bot's token (MSAL), the Bot Connector client with its retries, the per-conversation pacing
    /// and the chat surface for the platform <c>teams</c>. Reads the Bot Framework settings from the configuration root.
    /// </summary>
    public static IServiceCollection AddTeamsOutbound(this IServiceCollection services)
    {
        services.AddOptions<TeamsOutboundOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                configuration.Bind(options);
                var teams = configuration.GetSection(TeamsOutboundOptions.SectionName);
                options.PostBurst = teams.GetValue(nameof(TeamsOutboundOptions.PostBurst), options.PostBurst);
                options.PostInterval = teams.GetValue(nameof(TeamsOutboundOptions.PostInterval), options.PostInterval);
            })
            .Validate(o => string.IsNullOrWhiteSpace(o.MicrosoftAppId) || !string.IsNullOrEmpty(o.MicrosoftAppPassword),
                "MicrosoftAppPassword is required with MicrosoftAppId: the bot needs it to get its token for the Bot Connector.")
            .Validate(o => !string.Equals(o.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId),
                "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.")
            .Validate(o => Https(o.Authority), "ToChannelFromBotLoginUrl must be an absolute https URL such as https://login.microsoftonline.com/<tenant-id>.")
            .Validate(o => Https(o.Scope), "ToChannelFromBotOAuthScope must be an absolute https URL such as https://api.botframework.com.")
            .Validate(o => o.PostBurst >= 1 && o.PostInterval >= TimeSpan.Zero, "Teams:PostBurst must be at least 1 and Teams:PostInterval not negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotTokenProvider.HttpClientName);
        services.AddSingleton<BotTokenProvider>();
        services.AddHttpClient<TeamsConnectorClient>(TeamsConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The client lives in singletons; connections are recycled by PooledConnectionLifetime instead of handler rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("teams", TeamsResilience.Configure);

        services.TryAddSingleton<IPaceTokens, InProcessPaceTokens>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<TeamsChatSurface>();
        services.AddSingleton<IChatSurface>(sp => sp.GetRequiredService<TeamsChatSurface>());
        return services;
    }

    private static bool Https(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
