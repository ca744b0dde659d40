using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Teams.People;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Teams.Outbound;

public static class TeamsOutboundServiceCollectionExtensions
{
    /// <summary>
    /// Teams outbound, part of <see cref="TeamsServiceCollectionExtensions.AddTeams"/>: the bot's token (MSAL, from the
    /// <see cref="TeamsOptions"/>), the Bot Connector client with its retries, the per-conversation pacing and the chat
    /// surface for the platform <c>teams</c>.
    /// </summary>
    internal static IServiceCollection AddTeamsOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsPacingOptions>().Bind(configuration.GetSection(TeamsPacingOptions.SectionName))
            .Validate(o => o.PostBurst >= 1 && o.PostInterval >= TimeSpan.Zero, "Teams:PostBurst must be at least 1 and Teams:PostInterval not negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ChatCallMetrics>();

        services.AddHttpClient(BotTokenProvider.HttpClientName)
            .AddHttpMessageHandler(sp => new ChatCallMetering(sp.GetRequiredService<ChatCallMetrics>(), TeamsPlatform.Name, "token"));
        services.AddSingleton<BotTokenProvider>();
        var connector = services
            .AddHttpClient<TeamsConnectorClient>(TeamsConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The client lives in singletons; connections are recycled by PooledConnectionLifetime instead of handler rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        connector.AddResilienceHandler("teams", TeamsResilience.Configure);
        // Below the retries: each attempt is counted, 429s that a retry waited out included.
        connector.AddHttpMessageHandler(sp => new ChatCallMetering(sp.GetRequiredService<ChatCallMetrics>(), TeamsPlatform.Name, "unknown"));
        services.AddSingleton<TeamsHealthCheck>();
        services.AddHealthChecks().AddCheck<TeamsHealthCheck>("teams", HealthStatus.Degraded, ["ready"]);

        // In this process unless the host registered a shared one first: what is kept there only spares calls and answers.
        services.AddDistributedMemoryCache();
        services.AddSingleton<TeamsCache>();
        services.AddSingleton<SentCards>();
        services.AddSingleton<TeamsPersonNames>();
        services.AddSingleton<IPersonNames>(sp => sp.GetRequiredService<TeamsPersonNames>());
        services.TryAddSingleton<IPaceTokens, InProcessPaceTokens>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<TeamsChatSurface>();
        services.AddSingleton<IChatSurface>(sp => sp.GetRequiredService<TeamsChatSurface>());
        services.AddSingleton<ITeamsCards>(sp => sp.GetRequiredService<TeamsChatSurface>());
        return services;
    }
}
