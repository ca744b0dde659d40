using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.People;

/// <summary>
/// Members of the Azure AD groups that hold a role (<c>Teams:ManagerGroups</c>, <c>Teams:ApproverGroups</c>), read from
/// Microsoft Graph (users of the group and of its nested groups) and kept for <see cref="TeamsDirectoryOptions.GroupCacheDuration"/>.
/// </summary>
internal sealed class TeamsGroups(
    GraphClient graph,
    IGroupMembersCache cache,
    IOptionsMonitor<TeamsDirectoryOptions> options,
    ILogger<TeamsGroups> logger) : RoleGroups(cache, logger)
{
    public override string Platform => TeamsPlatform.Name;

    protected override IEnumerable<string> ManagerGroups => options.CurrentValue.ManagerGroups;

    protected override IEnumerable<string> ApproverGroups => options.CurrentValue.ApproverGroups;

    protected override TimeSpan CacheDuration => options.CurrentValue.GroupCacheDuration;

    protected override Task<IReadOnlyCollection<string>> ReadMembersAsync(string group, CancellationToken cancellationToken) =>
        graph.GroupUsersAsync(group, cancellationToken);

    protected override bool IsUnanswered(Exception exception) => exception is GraphException;

    // AAD object ids are GUIDs, kept in lower case: an activity and Graph may write one in different cases.
    protected override string Normalize(string user) => user.ToLowerInvariant();
}
