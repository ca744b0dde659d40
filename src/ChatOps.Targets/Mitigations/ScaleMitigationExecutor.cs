using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using k8s;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// <c>kubectl scale deployment NAME --replicas=N</c> through the scale subresource: reads the replicas, computes the
/// new count (<c>+2</c>, <c>-1</c> or <c>6</c>) within 0 and the target's <c>MaxReplicas</c>, and patches the scale on
/// condition that nobody changed it since the read. Needs get and patch on <c>deployments/scale</c>.
/// </summary>
internal sealed class ScaleMitigationExecutor(MitigationTargets targets) : IMitigationExecutor
{
    public const string ReplicasKey = "replicas";

    public string Kind => "scale";

    public async Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (scale, target, options) = await ReadAsync(action, cancellationToken);
        var current = Replicas(scale);
        return new MitigationPreview(State(current), Describe(Plan((ScaleAction)action, current, options.MaxReplicas, target.Name)));
    }

    public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (scale, target, options) = await ReadAsync(action, cancellationToken);
        var current = Replicas(scale);
        var planned = Plan((ScaleAction)action, current, options.MaxReplicas, target.Name);
        if (planned != current) await WriteAsync(target, (ScaleAction)action, scale, planned, cancellationToken);
        return new MitigationOutcome(State(current), State(planned));
    }

    // The replica count is all a scale sets; the scale's resourceVersion and the deployment's status move by themselves.
    public bool IsUnchanged(MitigationState left, MitigationState live) => SameReplicas(left, live);

    /// <summary>What a scale sets is the replica count; the rest of a deployment's state is not the scale's.</summary>
    internal static bool SameReplicas(MitigationState left, MitigationState live) =>
        left.Values.GetValueOrDefault(ReplicasKey) is { } replicas && replicas == live.Values.GetValueOrDefault(ReplicasKey);

    public async Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken)
    {
        if (!before.Values.TryGetValue(ReplicasKey, out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var recorded))
            throw new MitigationFailedException($"the recorded state has no replica count to restore ({before.Description})");
        var (scale, target, _) = await ReadAsync(action, cancellationToken);
        var current = Replicas(scale);
        // The recorded count existed before the bot acted, so it is restored even above today's MaxReplicas.
        if (recorded != current) await WriteAsync(target, (ScaleAction)action, scale, recorded, cancellationToken);
        return new MitigationOutcome(State(current), State(recorded));
    }

    private async Task<(V1Scale Scale, KubernetesTarget Target, TargetOptions Options)> ReadAsync(MitigationAction action, CancellationToken cancellationToken)
    {
        var scaleAction = (ScaleAction)action;
        var options = targets.Resolve(action, TargetKinds.Kubernetes);
        var target = targets.Kubernetes(action, options);
        var scale = await KubernetesCalls.RunAsync(target, $"reading the scale of deployment {scaleAction.Deployment} in namespace {target.Namespace}",
            () => target.Client.AppsV1.ReadNamespacedDeploymentScaleAsync(scaleAction.Deployment, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);
        return (scale, target, options);
    }

    private static Task<V1Scale> WriteAsync(KubernetesTarget target, ScaleAction action, V1Scale scale, int replicas, CancellationToken cancellationToken)
    {
        // The resourceVersion makes the patch conditional: the API answers 409 if the scale changed since it was read.
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = scale.Metadata.ResourceVersion },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
        };
        return KubernetesCalls.RunAsync(target, $"scaling deployment {action.Deployment} in namespace {target.Namespace}",
            () => target.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                action.Deployment, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);
    }

    internal static int Plan(ScaleAction action, int current, int max, string targetName)
    {
        var text = action.Replicas.Trim();
        var relative = text.StartsWith('+') || text.StartsWith('-');
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw new MitigationFailedException($"replicas '{action.Replicas}' is not a number (6) or a change (+2, -1)");
        var planned = relative ? current + number : number;
        if (planned < 0)
            throw new MitigationFailedException($"deployment {action.Deployment} has {current} replicas; {text} would leave {planned}, below 0");
        // A scale-down is always allowed, even from above the maximum: the maximum bounds what the bot adds.
        if (planned > max && planned > current)
            throw new MitigationFailedException($"deployment {action.Deployment}: {planned} replicas is above the maximum of {max} for target '{targetName}' (MaxReplicas)");
        return planned;
    }

    private static int Replicas(V1Scale scale) => scale.Spec?.Replicas ?? 0;

    private static string Describe(int replicas) => string.Create(CultureInfo.InvariantCulture, $"replicas {replicas}");

    private static MitigationState State(int replicas) => new(Describe(replicas),
        new Dictionary<string, string>(StringComparer.Ordinal) { [ReplicasKey] = replicas.ToString(CultureInfo.InvariantCulture) });
}
