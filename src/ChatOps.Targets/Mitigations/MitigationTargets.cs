using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Checks;
using ChatOps.Targets.Clients;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using k8s;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Finds the configured target a mitigation names and its client, shared with the checks (one multiplexer or API
/// client per target), or says in one line why the mitigation cannot run.
/// </summary>
internal sealed class MitigationTargets(IOptions<TargetsOptions> options, KubernetesClients kubernetes, RedisConnections redis)
{
    public TargetOptions Resolve(MitigationAction action, params string[] kinds)
    {
        if (!options.Value.Targets.TryGetValue(action.Target, out var target))
            throw new MitigationFailedException($"target '{action.Target}' is not configured");
        if (!kinds.Contains(target.Kind, StringComparer.OrdinalIgnoreCase))
            throw new MitigationFailedException($"target '{action.Target}' is a {target.Kind} target; {action.Kind} needs a {string.Join(" or ", kinds)} target");
        return target;
    }

    public KubernetesTarget Kubernetes(MitigationAction action, TargetOptions target)
    {
        try
        {
            return new KubernetesTarget(action.Target, target.Namespace!, kubernetes.Get(action.Target, target));
        }
        catch (CheckFailedException e)
        {
            throw new MitigationFailedException(e.Message, e);
        }
    }

    public async Task<IDatabase> RedisAsync(MitigationAction action, TargetOptions target, CancellationToken cancellationToken)
    {
        try
        {
            return (await redis.GetAsync(action.Target, target.ConnectionString!, cancellationToken)).GetDatabase();
        }
        catch (CheckFailedException e)
        {
            throw new MitigationFailedException(e.Message, e);
        }
    }
}
