using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Scenarios;

/// <summary>
/// Reads a scenario's <c>state</c>: deployments (replicas, the most a scale may set, rollout history), flags and
/// blocked subjects. Every deployment a mitigation of the runbook scales or rolls back must be declared.
/// </summary>
internal static class StateParser
{
    public static ScenarioState? Parse(YamlMap scenario, Runbook runbook)
    {
        var before = scenario.Errors.Count;
        var map = scenario.Map("state", "state");
        var deployments = new Dictionary<string, DeploymentState>(StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> blocked = [];
        if (map is not null)
        {
            foreach (var (name, deployment) in map.Entries("deployments", n => $"state: deployment '{n}'"))
            {
                if (Deployment(deployment) is { } parsed) deployments[name] = parsed;
            }
            if (map.Map("flags", "state: flags") is { } flagMap)
            {
                foreach (var (flag, _) in flagMap.Keys())
                {
                    if (flagMap.Text(flag, required: true) is { } value) flags[flag] = value;
                }
            }
            blocked = map.Texts("blocked");
            map.RejectUnknownKeys();
        }
        foreach (var (mitigation, deployment, verb) in Deployments(runbook))
        {
            if (!deployments.ContainsKey(deployment))
                scenario.Errors.Add(scenario.KeyLine("state"),
                    $"state: mitigation '{mitigation}' of runbook {runbook.Id} {verb} deployment '{deployment}'; declare it under state.deployments.");
        }
        return scenario.Errors.Count > before ? null : new ScenarioState(deployments, flags, blocked);
    }

    private static IEnumerable<(string Mitigation, string Deployment, string Verb)> Deployments(Runbook runbook) =>
        runbook.Mitigations.Select(m => m.Action switch
        {
            ScaleAction scale => (m.Id, scale.Deployment, "scales"),
            RollbackAction rollback => (m.Id, rollback.Deployment, "rolls back"),
            _ => (m.Id, "", ""),
        }).Where(d => d.Item2.Length > 0);

    private static DeploymentState? Deployment(YamlMap map)
    {
        var before = map.Errors.Count;
        var replicas = map.Number("replicas", 0, 10_000);
        if (!map.Has("replicas")) map.Errors.Add(map.Line, "state: a deployment needs 'replicas'.");
        var max = map.Number("max-replicas", 0, 10_000) ?? DeploymentState.DefaultMaxReplicas;
        var revisions = new List<ScenarioRevision>();
        foreach (var revision in map.Maps("revisions", i => $"state: revisions[{i}]"))
        {
            var number = revision.Number("revision", 1, int.MaxValue);
            var image = revision.Text("image", required: true);
            revision.RejectUnknownKeys();
            if (number is null || image is null) continue;
            if (revisions.Count > 0 && revisions[^1].Number >= number)
                revision.Errors.Add(revision.Line, "state: revisions go oldest first, each numbered above the one before.");
            revisions.Add(new ScenarioRevision(number.Value, image));
        }
        map.RejectUnknownKeys();
        return map.Errors.Count > before || replicas is null ? null : new DeploymentState(replicas.Value, max, revisions);
    }
}
