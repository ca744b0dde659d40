using System.Text.Json.Nodes;
using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using k8s;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// <c>kubectl rollout undo deployment NAME</c>: takes the pod template of the previous revision (the second-highest
/// among the ReplicaSets the deployment controls), without its hash label, and puts it, with that revision's
/// annotations, on the deployment in one JSON patch conditional on the deployment being unchanged since it was read.
/// The controller then rolls the pods. Revert puts the recorded template back the same way.
/// Needs get and patch on <c>deployments</c>, list on <c>replicasets</c>.
/// </summary>
internal sealed class RollbackMitigationExecutor(MitigationTargets targets) : IMitigationExecutor
{
    // kubectl keeps these deployment annotations and copies the revision's others (kubectl/pkg/polymorphichelpers/rollback.go).
    private static readonly HashSet<string> ControllerAnnotations = new(StringComparer.Ordinal)
    {
        "kubectl.kubernetes.io/last-applied-configuration",
        DeploymentHistory.RevisionAnnotation,
        "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas",
        "deprecated.deployment.rollback.to",
    };

    public string Kind => "rollback";

    public async Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (_, history, previous) = await PlanAsync(action, cancellationToken);
        return new MitigationPreview(RolloutState.Of(history.Deployment).State(), Target(previous).Describe("template of revision"));
    }

    public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (target, history, previous) = await PlanAsync(action, cancellationToken);
        var before = RolloutState.Of(history.Deployment);
        await PatchAsync(target, history.Deployment, previous.Template, previous.Annotations, $"rolling deployment {((RollbackAction)action).Deployment} back to revision {previous.Number}", cancellationToken);
        return new MitigationOutcome(before.State(), Target(previous).State("template of revision"));
    }

    // What the deployment runs is its pod template. The revision number is not: the controller renumbers the
    // ReplicaSet it rolls back to as the newest revision, and resourceVersion, generation and status move on their own.
    public bool IsUnchanged(MitigationState left, MitigationState live) =>
        PodTemplates.Same(RolloutState.FromState(left).Template, RolloutState.FromState(live).Template);

    public async Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken)
    {
        var rollback = (RollbackAction)action;
        var recorded = RolloutState.FromState(before);
        var target = Resolve(action);
        var deployment = await DeploymentHistory.ReadDeploymentAsync(target, rollback.Deployment, cancellationToken);
        RefusePaused(deployment);
        var current = RolloutState.Of(deployment);
        if (!PodTemplates.Same(current.Template, recorded.Template))
            await PatchAsync(target, deployment, recorded.Template, recorded.Annotations, $"rolling deployment {rollback.Deployment} forward to its recorded template", cancellationToken);
        return new MitigationOutcome(current.State(), recorded.State("template of revision"));
    }

    private async Task<(KubernetesTarget Target, DeploymentHistory History, DeploymentRevision Previous)> PlanAsync(MitigationAction action, CancellationToken cancellationToken)
    {
        var name = ((RollbackAction)action).Deployment;
        var target = Resolve(action);
        var history = await DeploymentHistory.ReadAsync(target, name, cancellationToken);
        RefusePaused(history.Deployment);
        var previous = history.Previous ?? throw new MitigationFailedException(history.Revisions.Count == 0
            ? $"deployment {name} has no rollout history to roll back to"
            : $"deployment {name} has no previous revision to roll back to (only revision {history.Revisions[0].Number})");
        if (PodTemplates.Same(PodTemplates.WithoutHash(history.Deployment.Spec.Template), previous.Template))
            throw new MitigationFailedException($"deployment {name} already runs the template of revision {previous.Number}; nothing to roll back");
        return (target, history, previous);
    }

    private KubernetesTarget Resolve(MitigationAction action) => targets.Kubernetes(action, targets.Resolve(action, TargetKinds.Kubernetes));

    private static void RefusePaused(V1Deployment deployment)
    {
        if (deployment.Spec.Paused == true)
            throw new MitigationFailedException($"deployment {deployment.Metadata.Name} is paused; resume it (kubectl rollout resume) before rolling it back or forward");
    }

    private static RolloutState Target(DeploymentRevision revision) => new(revision.Number, revision.Template, revision.Annotations);

    private static Task<V1Deployment> PatchAsync(KubernetesTarget target, V1Deployment deployment, JsonObject template, IReadOnlyDictionary<string, string> annotations, string what, CancellationToken cancellationToken)
    {
        var merged = new JsonObject();
        foreach (var (key, value) in deployment.Metadata.Annotations ?? new Dictionary<string, string>())
            if (ControllerAnnotations.Contains(key)) merged[key] = value;
        foreach (var (key, value) in annotations)
            if (!ControllerAnnotations.Contains(key)) merged[key] = value;
        // Setting the resourceVersion read makes the patch conditional: the API answers 409 if the deployment changed since.
        var patch = new JsonArray
        {
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/resourceVersion", ["value"] = deployment.Metadata.ResourceVersion },
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template.DeepClone() },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = merged },
        };
        return KubernetesCalls.RunAsync(target, what,
            () => target.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch),
                deployment.Metadata.Name, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);
    }
}
