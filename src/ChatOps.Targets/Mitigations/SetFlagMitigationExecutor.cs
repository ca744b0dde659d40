using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Sets a runtime flag where the platform reads it: a field of a Redis hash (<c>redis</c> target with <c>Hash</c>) or a
/// key of a ConfigMap (<c>kubernetes</c> target with <c>ConfigMap</c>, then optionally restarting <c>RestartDeployments</c>).
/// Records the old value, or that there was none, and restores exactly that.
/// </summary>
internal sealed class SetFlagMitigationExecutor(MitigationTargets targets, TimeProvider time) : IMitigationExecutor
{
    public string Kind => "set-flag";

    public async Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var flag = (SetFlagAction)action;
        var store = await StoreAsync(flag, cancellationToken);
        var current = await store.ReadAsync(flag.Flag, cancellationToken);
        return new MitigationPreview(current.State(flag.Flag, store.Where), $"{flag.Flag}={flag.Value} ({store.Where})");
    }

    public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var flag = (SetFlagAction)action;
        var store = await StoreAsync(flag, cancellationToken);
        var next = new FlagValue(flag.Value);
        var before = await store.WriteAsync(flag.Flag, next, cancellationToken);
        return new MitigationOutcome(before.State(flag.Flag, store.Where), next.State(flag.Flag, store.Where));
    }

    // The flag's presence and value; the hash's other fields and the ConfigMap's resourceVersion are not the flag.
    public bool IsUnchanged(MitigationState left, MitigationState live) => FlagValue.FromState(left) == FlagValue.FromState(live);

    public async Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken)
    {
        var flag = (SetFlagAction)action;
        var recorded = FlagValue.FromState(before);
        var store = await StoreAsync(flag, cancellationToken);
        var current = await store.WriteAsync(flag.Flag, recorded, cancellationToken);
        return new MitigationOutcome(current.State(flag.Flag, store.Where), recorded.State(flag.Flag, store.Where));
    }

    private async Task<IFlagStore> StoreAsync(SetFlagAction action, CancellationToken cancellationToken)
    {
        var options = targets.Resolve(action, TargetKinds.Redis, TargetKinds.Kubernetes);
        if (string.Equals(options.Kind, TargetKinds.Redis, StringComparison.OrdinalIgnoreCase))
        {
            if (options.Hash is null)
                throw new MitigationFailedException($"target '{action.Target}' has no Hash: set Targets:{action.Target}:Hash to the Redis hash the platform reads its flags from");
            return new RedisHashFlags(await targets.RedisAsync(action, options, cancellationToken), options.Hash);
        }
        if (options.ConfigMap is null)
            throw new MitigationFailedException($"target '{action.Target}' has no ConfigMap: set Targets:{action.Target}:ConfigMap to the ConfigMap the platform reads its flags from");
        return new ConfigMapFlags(targets.Kubernetes(action, options), options.ConfigMap, options.RestartDeployments, time);
    }
}
