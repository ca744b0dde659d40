namespace ChatOps.Core.Scenarios;

/// <summary>A deployment: its replicas, the most a scale may set, and its rollout history, oldest first (the last one runs).</summary>
public sealed record DeploymentState(int Replicas, int MaxReplicas, IReadOnlyList<ScenarioRevision> Revisions)
{
    /// <summary>A target's <c>MaxReplicas</c> when it sets none.</summary>
    public const int DefaultMaxReplicas = 20;
}
