using Microsoft.Extensions.Options;

namespace ChatOps.Core.Access;

/// <summary>
/// Managers and approvers: the people configured by <c>platform:user</c> (<c>Incidents:Managers</c>,
/// <c>Approvals:Approvers</c>), then the members of the groups their own platform configures. A person's platform
/// decides which groups are asked, so a Teams id never matches a Slack group and the reverse. The bot holds no role.
/// </summary>
public sealed class RoleDirectory(IOptionsMonitor<RoleOptions> roles, IEnumerable<IPlatformGroups> groups) : IRoleDirectory
{
    private readonly Dictionary<string, IPlatformGroups> _groups = groups.ToDictionary(g => g.Platform, StringComparer.Ordinal);

    public async Task<bool> IsManagerAsync(PersonId person, CancellationToken cancellationToken) =>
        !person.IsBot && (Listed(roles.CurrentValue.Managers, person)
            || (_groups.TryGetValue(person.Platform, out var platform) && await platform.InManagerGroupAsync(person.User, cancellationToken)));

    public async Task<bool> IsApproverAsync(PersonId person, CancellationToken cancellationToken) =>
        !person.IsBot && (Listed(roles.CurrentValue.Approvers, person)
            || (_groups.TryGetValue(person.Platform, out var platform) && await platform.InApproverGroupAsync(person.User, cancellationToken)));

    private static bool Listed(IEnumerable<string> configured, PersonId person) =>
        configured.Any(entry => PersonId.TryParse(entry.Trim(), out var listed) && listed == person);
}
