using System.Collections.Concurrent;
using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Managers are the configured users plus the members of the configured Slack user groups
/// (<c>usergroups.users.list</c>, Tier 2, so members are cached). When Slack cannot answer, nobody gains the role.
/// </summary>
internal sealed partial class SlackRoleDirectory(
    ConfiguredRoleDirectory configured,
    SlackApiClient client,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackRoleDirectory> logger) : IRoleDirectory
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HashSet<string> Members)> _groups = new(StringComparer.Ordinal);

    public async Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken)
    {
        if (await configured.IsManagerAsync(userId, cancellationToken)) return true;
        foreach (var group in options.CurrentValue.ManagerGroups)
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
