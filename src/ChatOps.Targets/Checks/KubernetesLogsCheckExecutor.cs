using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Clients;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ChatOps.Targets.Checks;

/// <summary>
/// <c>kubectl logs -l selector --since=N | grep -iE match | tail -N</c> through the Kubernetes API: list the pods,
/// read each one's log, keep the matching lines in time order. Needs only get/list on pods and pods/log.
/// </summary>
internal sealed class KubernetesLogsCheckExecutor(KubernetesClients clients, TargetDirectory targets) : ICheckExecutor
{
    // Caps what one pod's log may cost in memory; the API cuts the log there (limitBytes).
    private const int MaxLogBytesPerPod = 8 * 1024 * 1024;

    public string Kind => "kubernetes-logs";

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var spec = (KubernetesLogsCheck)check.Spec;
        var target = targets.Resolve(check);
        var client = clients.Get(check.Target, target);
        var ns = target.Namespace!;
        var pods = await Call(
            () => client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: spec.Selector, cancellationToken: cancellationToken),
            $"listing pods {spec.Selector} in namespace {ns}", check.Target);
        // An empty selection is an error, not a clean result: nothing was checked.
        if (pods.Items.Count == 0) throw new CheckFailedException($"no pods match {spec.Selector} in namespace {ns}");
        var started = pods.Items.Where(p => p.Status?.Phase is not "Pending").ToList();
        if (started.Count == 0) throw new CheckFailedException($"none of the {pods.Items.Count} pods matching {spec.Selector} has started");

        var reads = await Task.WhenAll(started.Select(pod => ReadAsync(client, pod, ns, spec, check.Target, cancellationToken)));
        var failed = reads.Where(r => r.Failure is not null).Select(r => r.Failure!).ToList();
        if (failed.Count == started.Count) throw new CheckFailedException(failed[0]);
        return PodLogAnswer.Read(spec, [.. reads.Where(r => r.Failure is null).Select(r => (r.Pod, r.Lines))], failed);
    }

    private static async Task<PodLog> ReadAsync(
        IKubernetes client, V1Pod pod, string ns, KubernetesLogsCheck spec, string targetName, CancellationToken cancellationToken)
    {
        var name = pod.Metadata.Name;
        try
        {
            await using var stream = await Call(() => client.CoreV1.ReadNamespacedPodLogAsync(name, ns,
                container: spec.Container,
                sinceSeconds: (int)Math.Ceiling(spec.Since.TotalSeconds),
                timestamps: true,
                limitBytes: MaxLogBytesPerPod,
                cancellationToken: cancellationToken), $"reading the log of pod {name}", targetName);
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line) lines.Add(line);
            return new PodLog(name, lines, null);
        }
        catch (CheckFailedException e)
        {
            // One pod that cannot be read (several containers, just restarted) must not hide the others' lines.
            return new PodLog(name, [], e.Message);
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call, string what, string targetName)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e)
        {
            throw new CheckFailedException($"{what}: the API answered {(int)e.Response.StatusCode} {KubernetesStatus.Message(e)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new CheckFailedException($"cannot reach Kubernetes target '{targetName}': {e.Message}", e);
        }
    }

    private sealed record PodLog(string Pod, IReadOnlyList<string> Lines, string? Failure);
}
