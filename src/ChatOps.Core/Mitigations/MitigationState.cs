namespace ChatOps.Core.Mitigations;

/// <summary>
/// What a mitigation touches, as it was or is: a one-line description for people ("replicas 4") and the values
/// an executor needs to restore it exactly (<c>replicas=4</c>; a flag's value, or that it was absent; a revision).
/// </summary>
public sealed record MitigationState(string Description, IReadOnlyDictionary<string, string> Values);

/// <summary>The state before and after an action ran.</summary>
public sealed record MitigationOutcome(MitigationState Before, MitigationState After);

/// <summary>The state now and the state the action would leave, read live before anyone approves.</summary>
public sealed record MitigationPreview(MitigationState Current, string Planned);
