using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>One platform's groups whose members hold a role (Slack user groups, Azure AD groups), as that platform's configuration names them.</summary>
public interface IPlatformGroups
{
    /// <summary>The <see cref="PersonId.Platform"/> whose people this answers for.</summary>
    string Platform { get; }

    Task<bool> InManagerGroupAsync(string user, CancellationToken cancellationToken);

    Task<bool> InApproverGroupAsync(string user, CancellationToken cancellationToken);
}
