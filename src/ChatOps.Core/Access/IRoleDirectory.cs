using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>Says whether a person holds a role: configured people, or members of their platform's groups.</summary>
public interface IRoleDirectory
{
    Task<bool> IsManagerAsync(PersonId person, CancellationToken cancellationToken);

    /// <summary>Configured approvers of mitigations (managers and an appointed commander approve as well; the policy adds them).</summary>
    Task<bool> IsApproverAsync(PersonId person, CancellationToken cancellationToken);
}
