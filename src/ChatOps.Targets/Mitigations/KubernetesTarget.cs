using k8s;

namespace ChatOps.Targets.Mitigations;

/// <summary>A Kubernetes target's client and the namespace it acts in.</summary>
internal sealed record KubernetesTarget(string Name, string Namespace, IKubernetes Client);
