using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Teams.People;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        services.AddHttpClient(BotTokenProvider.HttpClientName);
        services.AddSingleton<BotTokenProvider>();
        services.AddHttpClient<TeamsConnectorClient>(TeamsConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The client lives in singletons; connections are recycled by PooledConnectionLifetime instead of handler rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("teams", TeamsResilience.Configure);

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
