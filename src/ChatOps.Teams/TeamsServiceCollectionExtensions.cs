using ChatOps.Core.Work;
using ChatOps.Teams.Inbound;
using ChatOps.Teams.Outbound;
using ChatOps.Teams.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Teams: the options (the Bot Framework's setting names at the configuration root, validated at start) and the
    /// inbound door, <c>POST /api/messages</c>, which checks the channel's token and feeds the core's inbound pipeline.
    /// Needs the core's services. The outbound side (the chat surface for <see cref="TeamsPlatform.Name"/>) comes with it.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigureOptions<TeamsOptions>>(new TeamsOptionsSetup(configuration));
        services.AddOptions<TeamsOptions>()
            .Validate(o => !string.IsNullOrEmpty(o.MicrosoftAppId),
                "MicrosoftAppId must be set: it is the bot's app id, the audience of every token Teams sends.")
            .Validate(o => o.MicrosoftAppType == TeamsAppType.UserAssignedMsi || !string.IsNullOrEmpty(o.MicrosoftAppPassword),
                "MicrosoftAppPassword must be set for a SingleTenant or MultiTenant bot (MicrosoftAppType); only a UserAssignedMSI bot has none.")
            .Validate(o => o.MicrosoftAppType == TeamsAppType.MultiTenant || !string.IsNullOrEmpty(o.MicrosoftAppTenantId),
                "MicrosoftAppTenantId must be set for a SingleTenant or UserAssignedMSI bot (MicrosoftAppType SingleTenant is the default).")
            .Validate(o => IsEndpoint(o.ToBotFromChannelOpenIdMetadataUrl),
                "ToBotFromChannelOpenIdMetadataUrl (BotOpenIdMetadata) must be an absolute https URL (http only on loopback).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ToBotFromChannelTokenIssuer), "ToBotFromChannelTokenIssuer must not be empty.")
            .Validate(o => IsEndpoint(o.Authority), "ToChannelFromBotLoginUrl must be an absolute https URL (http only on loopback).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ToChannelFromBotOAuthScope), "ToChannelFromBotOAuthScope must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The metadata and keys are small documents from one host; a slow answer must not hold a request long.
        services.AddHttpClient(ChannelKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<ChannelKeys>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<TeamsForms>();
        services.AddSingleton<IWorkHandler, DeclareFormJob>();
        services.AddSingleton<TeamsMembers>();
        services.AddTeamsDirectory(configuration);
        services.AddSingleton<TeamsActivities>();
        services.AddSingleton<MessagesEndpoint>();
        return services.AddTeamsOutbound(configuration);
    }

    private static bool IsEndpoint(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && ChannelKeys.IsLoopback(url)));
}
