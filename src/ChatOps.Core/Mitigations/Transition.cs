namespace ChatOps.Core.Mitigations;

/// <summary>The next state of a request, or why there is none; both are set when the refusal itself changes state (expiry).</summary>
public sealed record Transition(MitigationRequest? Next, string? Refusal)
{
    public static Transition To(MitigationRequest next) => new(next, null);

    public static Transition Refuse(string why) => new(null, why);
}
