using ChatOps.Core.Mitigations;

namespace ChatOps.Targets.Mitigations;

/// <summary>A runtime flag as stored: its value, or absent (the platform then uses its default).</summary>
internal sealed record FlagValue(string? Value)
{
    public const string PresentKey = "present";
    public const string ValueKey = "value";

    public static FlagValue Absent { get; } = new((string?)null);

    public bool IsPresent => Value is not null;

    public MitigationState State(string flag, string where) => new(
        IsPresent ? $"{flag}={Value} ({where})" : $"{flag} unset ({where})",
        IsPresent
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [PresentKey] = "true", [ValueKey] = Value! }
            : new Dictionary<string, string>(StringComparer.Ordinal) { [PresentKey] = "false" });

    public static FlagValue FromState(MitigationState state)
    {
        if (!state.Values.TryGetValue(PresentKey, out var present) || present is not ("true" or "false"))
            throw new MitigationFailedException($"the recorded state does not say whether the flag was set ({state.Description})");
        if (present == "false") return Absent;
        return state.Values.TryGetValue(ValueKey, out var value)
            ? new FlagValue(value)
            : throw new MitigationFailedException($"the recorded state has no value to restore ({state.Description})");
    }
}
