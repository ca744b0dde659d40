using System.Globalization;
using k8s;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// A deployment's rollout history as <c>kubectl rollout</c> reads it: the ReplicaSets its selector matches that it
/// controls (owner reference with its uid), each numbered by the <c>deployment.kubernetes.io/revision</c> annotation.
/// Needs get on <c>deployments</c> and list on <c>replicasets</c>.
/// </summary>
internal sealed record DeploymentHistory(V1Deployment Deployment, IReadOnlyList<DeploymentRevision> Revisions)
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    public static async Task<V1Deployment> ReadDeploymentAsync(KubernetesTarget target, string name, CancellationToken cancellationToken) =>
        await KubernetesCalls.RunAsync(target, $"reading deployment {name} in namespace {target.Namespace}",
            () => target.Client.AppsV1.ReadNamespacedDeploymentAsync(name, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);

    public static async Task<DeploymentHistory> ReadAsync(KubernetesTarget target, string name, CancellationToken cancellationToken)
    {
        var deployment = await ReadDeploymentAsync(target, name, cancellationToken);
        var selector = LabelSelectors.Format(deployment.Spec.Selector);
        var sets = await KubernetesCalls.RunAsync(target, $"listing the ReplicaSets of deployment {name} in namespace {target.Namespace}",
            () => target.Client.AppsV1.ListNamespacedReplicaSetAsync(target.Namespace, labelSelector: selector, cancellationToken: cancellationToken),
            cancellationToken);
        var uid = deployment.Metadata.Uid;
        var revisions = sets.Items
            .Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true)
            .Select(rs => Revision(rs.Metadata.Annotations) is { } number
                ? new DeploymentRevision(number, PodTemplates.WithoutHash(rs.Spec.Template), Annotations(rs.Metadata.Annotations))
                : null)
            .OfType<DeploymentRevision>()
            .OrderByDescending(r => r.Number)
            .ToList();
        return new DeploymentHistory(deployment, revisions);
    }

    /// <summary>The second-highest revision, as <c>kubectl rollout undo</c> picks it; null when there is none.</summary>
    public DeploymentRevision? Previous => Revisions.Count > 1 ? Revisions[1] : null;

    public static long? Revision(IDictionary<string, string>? annotations) =>
        annotations is not null && annotations.TryGetValue(RevisionAnnotation, out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static IReadOnlyDictionary<string, string> Annotations(IDictionary<string, string>? annotations) =>
        new Dictionary<string, string>(annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
}
