using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.People;

/// <summary>
/// Members of the Azure AD groups that hold a role (<c>Teams:ManagerGroups</c>, <c>Teams:ApproverGroups</c>), read from
/// Microsoft Graph and kept by the group members cache (shared by replicas where Redis is configured) for
/// <see cref="TeamsDirectoryOptions.GroupCacheDuration"/>. When Graph cannot answer, nobody gains a role and nothing is kept.
/// </summary>
internal sealed partial class TeamsGroups(
    GraphClient graph,
    IGroupMembersCache cache,
    IOptionsMonitor<TeamsDirectoryOptions> options,
    ILogger<TeamsGroups> logger) : IPlatformGroups
{
    public string Platform => TeamsPlatform.Name;

    public Task<bool> InManagerGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, options.CurrentValue.ManagerGroups, cancellationToken);

    public Task<bool> InApproverGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, options.CurrentValue.ApproverGroups, cancellationToken);

    private async Task<bool> InAnyAsync(string user, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            // AAD object ids are GUIDs, kept in lower case: an activity and Graph may write one in different cases.
            if ((await MembersAsync(group, cancellationToken)).Contains(user.ToLowerInvariant())) return true;
        }
        return false;
    }

    private async Task<IReadOnlySet<string>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrLoadAsync(Platform, group, options.CurrentValue.GroupCacheDuration, async ct =>
                [.. (await graph.GroupUsersAsync(group, ct)).Select(id => id.ToLowerInvariant())], cancellationToken);
        }
        catch (GraphException e)
        {
            LogGroupUnreadable(e, group);
            return new HashSet<string>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Members of Azure AD group {Group} could not be read; they hold no role until Graph answers")]
    private partial void LogGroupUnreadable(Exception exception, string group);
}
