using ChatOps.Core.Access;
using ChatOps.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.People;

internal static class TeamsDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Part of <see cref="TeamsServiceCollectionExtensions.AddTeams"/>: Azure AD groups as role groups for Teams people,
    /// read through Microsoft Graph (<see cref="TeamsDirectoryOptions"/>, validated at start).
    /// </summary>
    public static IServiceCollection AddTeamsDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsDirectoryOptions>().Bind(configuration.GetSection(TeamsDirectoryOptions.SectionName))
            .Validate(o => o.ManagerGroups.Concat(o.ApproverGroups).All(g => Guid.TryParse(g, out _)),
                "Teams:ManagerGroups and Teams:ApproverGroups take Azure AD group object ids (GUIDs), as the Entra admin center shows them.")
            .Validate(o => o.GroupCacheDuration >= TimeSpan.Zero, "Teams:GroupCacheDuration must not be negative.")
            .Validate(o => Uri.TryCreate(o.GraphUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps,
                "Teams:GraphUrl must be an absolute https URL, e.g. https://graph.microsoft.com/.")
            .Validate<IOptions<TeamsOptions>>((o, teams) => !o.HasGroups || !string.IsNullOrWhiteSpace(teams.Value.MicrosoftAppTenantId),
                "Teams:ManagerGroups and Teams:ApproverGroups need MicrosoftAppTenantId: Graph is asked about the groups of that tenant.")
            .ValidateOnStart();
        services.AddHttpClient<GraphClient>(GraphClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("teams-graph", TeamsResilience.ConfigureGraph);
        // In process unless the host registered a shared one (Redis) first.
        services.TryAddSingleton<IGroupMembersCache, InProcessGroupMembersCache>();
        services.AddSingleton<IPlatformGroups, TeamsGroups>();
        return services;
    }
}
