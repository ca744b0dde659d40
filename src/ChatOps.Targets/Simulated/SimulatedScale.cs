using System.Globalization;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Targets.Mitigations;

namespace ChatOps.Targets.Simulated;

/// <summary>A drill's <c>scale</c>: the deployment's replicas, planned within its <c>max-replicas</c> as the real scale plans them.</summary>
internal sealed class SimulatedScale(Incident drill, Scenario scenario, SimulatedState state) : SimulatedMitigation(drill, scenario, state)
{
    public override string Kind => "scale";

    public override bool IsUnchanged(MitigationState left, MitigationState live) => ScaleMitigationExecutor.SameReplicas(left, live);

    protected override MitigationState Initial(MitigationAction action, string? subject) =>
        State(SimulatedState.Deployment(Scenario, ((ScaleAction)action).Deployment).Replicas);

    protected override MitigationState Plan(MitigationAction action, string? subject, MitigationState current)
    {
        var scale = (ScaleAction)action;
        var replicas = int.Parse(current.Values[ScaleMitigationExecutor.ReplicasKey], CultureInfo.InvariantCulture);
        return State(ScaleMitigationExecutor.Plan(scale, replicas, SimulatedState.Deployment(Scenario, scale.Deployment).MaxReplicas, scale.Target));
    }

    private static MitigationState State(int replicas) => new(
        string.Create(CultureInfo.InvariantCulture, $"replicas {replicas}"),
        new Dictionary<string, string>(StringComparer.Ordinal) { [ScaleMitigationExecutor.ReplicasKey] = replicas.ToString(CultureInfo.InvariantCulture) });
}
