using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Changes the platform for one kind of mitigation action (<c>scale</c>, <c>set-flag</c>, <c>block</c>, <c>rollback</c>).
/// It reads the state before it acts, changes nothing when it fails (throws <see cref="MitigationFailedException"/>),
/// and can restore a recorded state exactly.
/// </summary>
public interface IMitigationExecutor
{
    string Kind { get; }

    /// <summary>The state the action would change, read live, for the approval request ("replicas 4 → 6").</summary>
    Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken);

    /// <summary>Applies the action; returns the state before and after.</summary>
    Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken);

    /// <summary>Puts back <paramref name="before"/>, as recorded when the action was applied.</summary>
    Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken);
}
