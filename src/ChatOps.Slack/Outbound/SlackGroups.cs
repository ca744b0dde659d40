using System.Collections.Concurrent;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Members of the Slack user groups that hold a role (<c>Slack:ManagerGroups</c>, <c>Slack:ApproverGroups</c>), read
/// with <c>usergroups.users.list</c> (Tier 2, so members are cached). When Slack cannot answer, nobody gains a role.
/// </summary>
internal sealed partial class SlackGroups(
    SlackApiClient client,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackGroups> logger) : IPlatformGroups
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HashSet<string> Members)> _groups = new(StringComparer.Ordinal);

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

    private async Task<HashSet<string>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_groups.TryGetValue(group, out var cached) && cached.Until > now) return cached.Members;
        try
        {
            var answer = await client.UserGroupMembersAsync(group, cancellationToken);
            var members = new HashSet<string>(answer.Users ?? [], StringComparer.Ordinal);
            _groups[group] = (now + options.CurrentValue.GroupCacheDuration, members);
            return members;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            LogGroupUnreadable(e, group);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Members of Slack user group {Group} could not be read; they hold no role until it answers")]
    private partial void LogGroupUnreadable(Exception exception, string group);
}
