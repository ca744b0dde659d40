using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

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

    /// <summary>
    /// Whether <paramref name="live"/>, read by <see cref="PreviewAsync"/>, is still <paramref name="left"/>, the state the
    /// action left, in what the action set. What the target changes by itself (a key's remaining expiry, a revision
    /// number, a resourceVersion, a status) must not count, or no revert could run; what someone else changed must, or
    /// a revert would undo their work too. Throws <see cref="MitigationFailedException"/> when a state is unreadable.
    /// </summary>
    bool IsUnchanged(MitigationState left, MitigationState live);

    /// <summary>Puts back <paramref name="before"/>, as recorded when the action was applied.</summary>
    Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken);
}
