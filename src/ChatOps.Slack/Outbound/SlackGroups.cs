using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Members of the Slack user groups that hold a role (<c>Slack:ManagerGroups</c>, <c>Slack:ApproverGroups</c>), read
/// with <c>usergroups.users.list</c> (Tier 2, so members are kept by the group members cache, shared by replicas where
/// Redis is configured). When Slack cannot answer, nobody gains a role and nothing is kept.
/// </summary>
internal sealed partial class SlackGroups(
    SlackApiClient client,
    IGroupMembersCache cache,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackGroups> logger) : IPlatformGroups
{
    public string Platform => SlackPlatform.Name;

    public Task<bool> InManagerGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, options.CurrentValue.ManagerGroups, cancellationToken);

    public Task<bool> InApproverGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, options.CurrentValue.ApproverGroups, cancellationToken);

    private async Task<bool> InAnyAsync(string user, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            if ((await MembersAsync(group, cancellationToken)).Contains(user)) return true;
        }
        return false;
    }

    private async Task<IReadOnlySet<string>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrLoadAsync(Platform, group, options.CurrentValue.GroupCacheDuration, async ct =>
                (await client.UserGroupMembersAsync(group, ct)).Users ?? [], cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            LogGroupUnreadable(e, group);
            return new HashSet<string>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Members of Slack user group {Group} could not be read; they hold no role until it answers")]
    private partial void LogGroupUnreadable(Exception exception, string group);
}
