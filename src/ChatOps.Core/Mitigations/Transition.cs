namespace ChatOps.Core.Mitigations;

/// <summary>
/// The next state of a request, or why there is none; both are set when the refusal itself changes state (expiry).
/// <see cref="Audit"/> is a refusal's short reason for the audit, which outlives the person it was said to.
/// </summary>
public sealed record Transition(MitigationRequest? Next, string? Refusal, string? Audit = null)
{
    public static Transition To(MitigationRequest next) => new(next, null);

    public static Transition Refuse(string why, string? audit = null) => new(null, why, audit);
}
