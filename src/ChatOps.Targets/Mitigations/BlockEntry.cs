using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Targets.Mitigations;

/// <summary>A blocklist key as it is at one moment (Redis's clock): absent, or its value and when it expires (never: null).</summary>
internal sealed record BlockEntry(string Subject, string? Value, long? ExpiresAtMs, long NowMs)
{
    public const string BlockedKey = "blocked";
    public const string ValueKey = "value";
    public const string ExpiresAtKey = "expiresAtMs";

    // The moment of expiry is fixed when the key is set, but two reads of it (TIME plus PTTL) can differ by a few ms.
    private const long ExpiryToleranceMs = 1000;

    public bool Blocked => Value is not null;

    /// <summary>From a key's value and its PTTL (-1: no expiry) read at <paramref name="nowMs"/>.</summary>
    public static BlockEntry Read(string subject, string? value, long pttl, long nowMs) =>
        new(subject, value, value is not null && pttl >= 0 ? nowMs + pttl : null, nowMs);

    public MitigationState State()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [BlockedKey] = Blocked ? "true" : "false" };
        if (Value is not null) values[ValueKey] = Value;
        if (ExpiresAtMs is { } at) values[ExpiresAtKey] = at.ToString(CultureInfo.InvariantCulture);
        return new MitigationState(Describe(), values);
    }

    /// <summary>
    /// Whether <paramref name="other"/> is this block: the key's presence, its value and its moment of expiry. The
    /// time left is not compared: it shrinks by itself. A moved expiry is compared: someone extended or shortened it.
    /// </summary>
    public bool IsSameBlock(BlockEntry other) =>
        Value == other.Value && (ExpiresAtMs, other.ExpiresAtMs) switch
        {
            (null, null) => true,
            ({ } a, { } b) => Math.Abs(a - b) <= ExpiryToleranceMs,
            _ => false,
        };

    public string Describe() => !Blocked
        ? $"{Subject} not blocked"
        : ExpiresAtMs is { } at
            ? $"{Subject} blocked{Reason} for another {Duration(at - NowMs)}"
            : $"{Subject} blocked{Reason} with no expiry";

    // A value other than the bot's own says who set the block or why, and tells two blocks apart in a description.
    private string Reason => Value == BlockMitigationExecutor.BlockedValue ? "" : $" ({(Value!.Length <= 40 ? Value : Value[..40] + "…")})";

    public static BlockEntry FromState(string subject, MitigationState state)
    {
        if (!state.Values.TryGetValue(BlockedKey, out var blocked) || blocked is not ("true" or "false"))
            throw new MitigationFailedException($"the recorded state does not say whether {subject} was blocked ({state.Description})");
        if (blocked == "false") return new BlockEntry(subject, null, null, 0);
        if (!state.Values.TryGetValue(ValueKey, out var value))
            throw new MitigationFailedException($"the recorded state has no value to restore ({state.Description})");
        long? expiresAt = null;
        if (state.Values.TryGetValue(ExpiresAtKey, out var text))
        {
            expiresAt = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                ? at
                : throw new MitigationFailedException($"the recorded expiry '{text}' is not a time");
        }
        return new BlockEntry(subject, value, expiresAt, 0);
    }

    // Whole seconds, rounded up: "23h59m59s" rather than a count of milliseconds.
    private static string Duration(long ms) => DurationText.Format(TimeSpan.FromSeconds(Math.Max(1, (ms + 999) / 1000)));
}
