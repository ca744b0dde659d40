using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Access;

/// <summary>
/// One platform's role groups (managers, approvers) whose members its adapter reads from the platform, kept by the group
/// members cache (shared by replicas where Redis is configured). When the platform cannot answer, nobody gains a role
/// through the group and nothing is kept: a role is never granted on a guess.
/// </summary>
public abstract partial class RoleGroups(IGroupMembersCache cache, ILogger logger) : IPlatformGroups
{
    public abstract string Platform { get; }

    /// <summary>The configured manager groups, read on every question so that a settings reload counts.</summary>
    protected abstract IEnumerable<string> ManagerGroups { get; }

    protected abstract IEnumerable<string> ApproverGroups { get; }

    protected abstract TimeSpan CacheDuration { get; }

    /// <summary>The group's members as the platform names its people (the ids the questions come with).</summary>
    protected abstract Task<IReadOnlyCollection<string>> ReadMembersAsync(string group, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> says the platform could not answer, rather than a fault of the bot.</summary>
    protected abstract bool IsUnanswered(Exception exception);

    /// <summary>A person's id as members are kept, where the platform writes one id in several ways.</summary>
    protected virtual string Normalize(string user) => user;

    public Task<bool> InManagerGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, ManagerGroups, cancellationToken);

    public Task<bool> InApproverGroupAsync(string user, CancellationToken cancellationToken) =>
        InAnyAsync(user, ApproverGroups, cancellationToken);

    private async Task<bool> InAnyAsync(string user, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        var id = Normalize(user);
        foreach (var group in groups)
        {
            if ((await MembersAsync(group, cancellationToken)).Contains(id)) return true;
        }
        return false;
    }

    private async Task<IReadOnlySet<string>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrLoadAsync(Platform, group, CacheDuration, async ct =>
                [.. (await ReadMembersAsync(group, ct)).Select(Normalize)], cancellationToken);
        }
        catch (Exception e) when (IsUnanswered(e))
        {
            LogGroupUnreadable(logger, e, Platform, group);
            return new HashSet<string>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Members of {Platform} group {Group} could not be read; they hold no role until it answers")]
    private static partial void LogGroupUnreadable(ILogger logger, Exception exception, string platform, string group);
}
