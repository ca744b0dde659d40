using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Core.Mitigations;
using k8s;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Flags as data keys of one ConfigMap, then a rollout restart of the deployments that read it (env vars are read at
/// start). The restarts are tried with <c>dryRun=All</c> before the ConfigMap changes; if one still fails afterwards,
/// the flag is put back. Needs get and patch on <c>configmaps</c>, patch on <c>deployments</c> for the restarts.
/// </summary>
internal sealed class ConfigMapFlags(KubernetesTarget target, string configMap, IReadOnlyList<string> restart, TimeProvider time) : IFlagStore
{
    // The annotation `kubectl rollout restart` sets; a changed pod template makes the deployment roll its pods.
    internal const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    public string Where => $"ConfigMap {configMap}";

    public async Task<FlagValue> ReadAsync(string flag, CancellationToken cancellationToken) =>
        Value(await GetAsync(cancellationToken), flag);

    public async Task<FlagValue> WriteAsync(string flag, FlagValue next, CancellationToken cancellationToken)
    {
        var map = await GetAsync(cancellationToken);
        var old = Value(map, flag);
        if (old == next) return old;
        foreach (var deployment in restart)
            await RestartAsync(deployment, dryRun: true, cancellationToken);

        var changed = await PatchAsync(flag, next, map.Metadata.ResourceVersion, $"setting {flag} in {Where}", cancellationToken);
        for (var i = 0; i < restart.Count; i++)
        {
            try
            {
                await RestartAsync(restart[i], dryRun: false, cancellationToken);
            }
            catch (MitigationFailedException e)
            {
                throw await PutBackAsync(flag, old, next, changed, restart.Take(i).ToList(), e);
            }
        }
        return old;
    }

    /// <summary>A restart failed after the flag changed: restores the flag and restarts again what already restarted with the new value.</summary>
    private async Task<MitigationFailedException> PutBackAsync(string flag, FlagValue old, FlagValue next, V1ConfigMap changed, List<string> restarted, MitigationFailedException failure)
    {
        // The caller's cancellation must not stop the undo half way.
        var undo = CancellationToken.None;
        try
        {
            await PatchAsync(flag, old, changed.Metadata.ResourceVersion, $"putting {flag} back in {Where}", undo);
        }
        catch (MitigationFailedException e)
        {
            return new MitigationFailedException($"{failure.Message}; then {e.Message}, so {flag} is still {Text(next)}", failure);
        }
        try
        {
            foreach (var deployment in restarted)
                await RestartAsync(deployment, dryRun: false, undo);
        }
        catch (MitigationFailedException e)
        {
            return new MitigationFailedException($"{failure.Message}; {flag} was put back to {Text(old)}, but {e.Message}", failure);
        }
        return new MitigationFailedException($"{failure.Message}; {flag} was put back to {Text(old)}", failure);
    }

    private Task<V1ConfigMap> GetAsync(CancellationToken cancellationToken) =>
        KubernetesCalls.RunAsync(target, $"reading ConfigMap {configMap} in namespace {target.Namespace}",
            () => target.Client.CoreV1.ReadNamespacedConfigMapAsync(configMap, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);

    private Task<V1ConfigMap> PatchAsync(string flag, FlagValue value, string resourceVersion, string what, CancellationToken cancellationToken)
    {
        // A merge patch: null removes the key. The resourceVersion makes it conditional on nobody having changed the map since.
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["data"] = new JsonObject { [flag] = value.Value },
        };
        return KubernetesCalls.RunAsync(target, what,
            () => target.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                configMap, target.Namespace, cancellationToken: cancellationToken),
            cancellationToken);
    }

    private Task<V1Deployment> RestartAsync(string deployment, bool dryRun, CancellationToken cancellationToken)
    {
        // As kubectl rollout restart: a strategic merge patch of one pod-template annotation, the time in RFC 3339.
        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAt] = now } } },
            },
        };
        return KubernetesCalls.RunAsync(target, $"restarting deployment {deployment} in namespace {target.Namespace}",
            () => target.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.StrategicMergePatch),
                deployment, target.Namespace, dryRun: dryRun ? "All" : null, cancellationToken: cancellationToken),
            cancellationToken);
    }

    private static FlagValue Value(V1ConfigMap map, string flag) =>
        map.Data is not null && map.Data.TryGetValue(flag, out var value) ? new FlagValue(value) : FlagValue.Absent;

    private static string Text(FlagValue value) => value.IsPresent ? $"'{value.Value}'" : "unset";
}
