using ChatOps.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Members of the Slack user groups that hold a role (<c>Slack:ManagerGroups</c>, <c>Slack:ApproverGroups</c>), read
/// with <c>usergroups.users.list</c> (Tier 2, hence the cache) and kept for <see cref="SlackOptions.GroupCacheDuration"/>.
/// </summary>
internal sealed class SlackGroups(
    SlackApiClient client,
    IGroupMembersCache cache,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackGroups> logger) : RoleGroups(cache, logger)
{
    public override string Platform => SlackPlatform.Name;

    protected override IEnumerable<string> ManagerGroups => options.CurrentValue.ManagerGroups;

    protected override IEnumerable<string> ApproverGroups => options.CurrentValue.ApproverGroups;

    protected override TimeSpan CacheDuration => options.CurrentValue.GroupCacheDuration;

    protected override async Task<IReadOnlyCollection<string>> ReadMembersAsync(string group, CancellationToken cancellationToken) =>
        (await client.UserGroupMembersAsync(group, cancellationToken)).Users ?? [];

    protected override bool IsUnanswered(Exception exception) => exception is SlackApiException or HttpRequestException;
}
