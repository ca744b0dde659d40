using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Targets.Mitigations;

namespace ChatOps.Targets.Simulated;

/// <summary>
/// A drill's <c>block</c>: the subject blocked for the action's expiry, or without one. A drill's clock does not run, so
/// an expiry is a length, not a moment; as on the real blocklist a block already there is never weakened.
/// </summary>
internal sealed class SimulatedBlock(Incident drill, Scenario scenario, SimulatedState state) : SimulatedMitigation(drill, scenario, state)
{
    private const string BlockedKey = "blocked";
    private const string ExpiryKey = "expiry";

    public override string Kind => "block";

    public override bool IsUnchanged(MitigationState left, MitigationState live) =>
        left.Values.GetValueOrDefault(BlockedKey) == live.Values.GetValueOrDefault(BlockedKey)
        && left.Values.GetValueOrDefault(ExpiryKey) == live.Values.GetValueOrDefault(ExpiryKey);

    protected override MitigationState Initial(MitigationAction action, string? subject)
    {
        var who = BlockSubject.Normalize(subject);
        var blocked = Scenario.State.Blocked.Any(b => MitigationSubjectOf(b) == who);
        return blocked ? Blocked(who, null) : NotBlocked(who);
    }

    protected override MitigationState Plan(MitigationAction action, string? subject, MitigationState current)
    {
        var who = BlockSubject.Normalize(subject);
        var expiry = ((BlockAction)action).Expiry;
        if (current.Values.GetValueOrDefault(BlockedKey) != "true") return Blocked(who, expiry);
        // Kept: no expiry outlasts any, and a longer one outlasts a shorter.
        return current.Values.GetValueOrDefault(ExpiryKey) is { Length: > 0 } text && DurationText.TryParse(text, out var kept) && expiry is { } asked && asked > kept
            ? Blocked(who, asked)
            : current;
    }

    private static string MitigationSubjectOf(string declared) =>
        Core.Commands.MitigationSubject.TryNormalize(declared, out var normalized, out _) ? normalized : declared;

    private static MitigationState Blocked(string who, TimeSpan? expiry) => new(
        expiry is { } e ? $"{who} blocked for {DurationText.Format(e)}" : $"{who} blocked with no expiry",
        new Dictionary<string, string>(StringComparer.Ordinal) { [BlockedKey] = "true", [ExpiryKey] = expiry is { } x ? DurationText.Format(x) : "" });

    private static MitigationState NotBlocked(string who) =>
        new($"{who} not blocked", new Dictionary<string, string>(StringComparer.Ordinal) { [BlockedKey] = "false" });
}
