using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Targets.Mitigations;

namespace ChatOps.Targets.Simulated;

/// <summary>A drill's <c>set-flag</c>: the flag's value, or unset, recorded as the real flag stores record it.</summary>
internal sealed class SimulatedFlag(Incident drill, Scenario scenario, SimulatedState state) : SimulatedMitigation(drill, scenario, state)
{
    public override string Kind => "set-flag";

    public override bool IsUnchanged(MitigationState left, MitigationState live) => FlagValue.FromState(left) == FlagValue.FromState(live);

    protected override MitigationState Initial(MitigationAction action, string? subject)
    {
        var flag = ((SetFlagAction)action).Flag;
        return State(flag, new FlagValue(Scenario.State.Flags.GetValueOrDefault(flag)));
    }

    protected override MitigationState Plan(MitigationAction action, string? subject, MitigationState current)
    {
        var flag = (SetFlagAction)action;
        return State(flag.Flag, new FlagValue(flag.Value));
    }

    private static MitigationState State(string flag, FlagValue value)
    {
        // The real state without its "(where)": a drill's flags are nowhere but in the drill.
        var real = value.State(flag, "");
        return real with { Description = value.IsPresent ? $"{flag}={value.Value}" : $"{flag} unset" };
    }
}
