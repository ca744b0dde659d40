using System.Net;
using ChatOps.Core.Mitigations;
using k8s.Autorest;

namespace ChatOps.Targets.Mitigations;

/// <summary>One Kubernetes API call of a mitigation; a refusal or an unreachable server becomes a one-line <see cref="MitigationFailedException"/>.</summary>
internal static class KubernetesCalls
{
    public static async Task<T> RunAsync<T>(KubernetesTarget target, string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e)
        {
            var reason = KubernetesStatus.Message(e);
            throw new MitigationFailedException(e.Response.StatusCode switch
            {
                HttpStatusCode.NotFound => $"{what}: not found ({reason})",
                HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => $"{what}: forbidden ({reason}); the bot's role needs the RBAC in the Targets README",
                // Every write carries the resourceVersion it read: someone else changed the object in between.
                HttpStatusCode.Conflict => $"{what}: changed by someone else meanwhile, so nothing was changed; look again and retry",
                _ => $"{what}: the API answered {(int)e.Response.StatusCode} {reason}",
            }, e);
        }
        catch (HttpRequestException e)
        {
            throw new MitigationFailedException($"cannot reach Kubernetes target '{target.Name}': {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout: a write may or may not have landed.
            throw new MitigationFailedException($"{what}: Kubernetes target '{target.Name}' did not answer in time; check the object before retrying", e);
        }
    }
}
