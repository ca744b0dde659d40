using System.Collections.Concurrent;
using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Managers and approvers are the configured users plus the members of the configured Slack user groups
/// (<c>Slack:ManagerGroups</c>, <c>Approvals:ApproverGroups</c>; <c>usergroups.users.list</c>, Tier 2, so members
/// are cached). When Slack cannot answer, nobody gains a role.
/// </summary>
internal sealed partial class SlackRoleDirectory(
    ConfiguredRoleDirectory configured,
    SlackApiClient client,
    IOptionsMonitor<SlackOptions> options,
    IOptionsMonitor<Core.Mitigations.ApprovalOptions> approvals,
    TimeProvider time,
    ILogger<SlackRoleDirectory> logger) : IRoleDirectory
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HashSet<string> Members)> _groups = new(StringComparer.Ordinal);

    public async Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken) =>
        await configured.IsManagerAsync(userId, cancellationToken) || await InAnyAsync(userId, options.CurrentValue.ManagerGroups, cancellationToken);

    public async Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken) =>
        await configured.IsApproverAsync(userId, cancellationToken) || await InAnyAsync(userId, approvals.CurrentValue.ApproverGroups, cancellationToken);

    private async Task<bool> InAnyAsync(string userId, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            if ((await MembersAsync(group, cancellationToken)).Contains(userId)) return true;
        }
        return false;
    }

    private async Task<HashSet<string>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_groups.TryGetValue(group, out var cached) && cached.Until > now) return cached.Members;
        try
        {
            var answer = await client.UserGroupMembersAsync(group, cancellationToken);
            var members = new HashSet<string>(answer.Users ?? [], StringComparer.Ordinal);
            _groups[group] = (now + options.CurrentValue.ManagerGroupCacheDuration, members);
            return members;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            LogGroupUnreadable(e, group);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Members of Slack user group {Group} could not be read; its members are not treated as managers")]
    private partial void LogGroupUnreadable(Exception exception, string group);
}
