using System.Collections.Concurrent;
using ChatOps.Core.Checks;
using k8s;
using k8s.Exceptions;

namespace ChatOps.Targets.Clients;

/// <summary>
/// One Kubernetes client per target, configured from an explicit server URL, a kubeconfig file, the in-cluster
/// service account, or the default kubeconfig, in that order.
/// </summary>
internal sealed class KubernetesClients : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IKubernetes>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public IKubernetes Get(string targetName, TargetOptions target)
    {
        var lazy = _clients.GetOrAdd(targetName, _ => new Lazy<IKubernetes>(() => new Kubernetes(Configure(target))));
        try
        {
            return lazy.Value;
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            _clients.TryRemove(new KeyValuePair<string, Lazy<IKubernetes>>(targetName, lazy));
            throw new CheckFailedException($"Kubernetes target '{targetName}' has no usable configuration: {e.Message}", e);
        }
    }

    private static KubernetesClientConfiguration Configure(TargetOptions target)
    {
        if (target.Server is not null)
            return new KubernetesClientConfiguration { Host = target.Server, AccessToken = target.AccessToken };
        if (target.Kubeconfig is not null)
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(target.Kubeconfig, target.Context);
        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: target.Context);
    }

    public void Dispose()
    {
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        _clients.Clear();
    }
}
