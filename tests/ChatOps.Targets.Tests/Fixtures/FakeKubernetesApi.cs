using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The Kubernetes API calls the bot makes, answered as the API server does, with Status objects for errors; KubernetesClient
/// talks to it unmodified. For the logs check (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/):
/// a PodList for a label selector, and a pod's log as plain text honouring container, sinceSeconds, timestamps, tailLines
/// and limitBytes. For the mitigations: the <see cref="Workloads"/> (<see cref="FakeWorkloadsApi"/>). Tests make requests
/// fail (<see cref="Fail"/>) or change an object between a read and the write that follows (<see cref="ChangeAfter"/>).
/// </summary>
public sealed class FakeKubernetesApi(IReadOnlyDictionary<string, IReadOnlyList<FakePod>> podsByNamespace, TimeProvider time) : IAsyncDisposable
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    private readonly List<ApiFault> _faults = [];

    /// <summary>Method, path and query of every request, in order.</summary>
    public ConcurrentQueue<(string Method, string Path)> Requests { get; } = new();

    /// <summary>Every request that is not a GET: method, path and query, content type and body, in order.</summary>
    public ConcurrentQueue<(string Method, string Path, string? ContentType, string Body)> Writes { get; } = new();

    /// <summary>Deployments, their ReplicaSets and scale, and ConfigMaps; tests add their own, one name per test.</summary>
    public FakeWorkloads Workloads { get; } = new();

    /// <summary>Answers matching requests with <paramref name="code"/> and a Status of <paramref name="message"/> until disposed.</summary>
    public IDisposable Fail(string method, string pathEnd, int code, string message, bool dryRunToo = true) =>
        Add(new ApiFault(method, pathEnd, code, message, dryRunToo));

    /// <summary>Serves the next matching request, then (before the answer leaves) lets another writer <paramref name="change"/> the objects.</summary>
    public IDisposable ChangeAfter(string method, string pathEnd, Action<FakeWorkloads> change) =>
        Add(new ApiFault(method, pathEnd, 0, "", DryRunToo: true, change));

    public async Task StartAsync()
    {
        (_app, Url) = await KestrelApp.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                var request = context.Request;
                Requests.Enqueue((request.Method, request.Path + request.QueryString));
                if (!HttpMethods.IsGet(request.Method))
                {
                    request.EnableBuffering();
                    Writes.Enqueue((request.Method, request.Path + request.QueryString, request.ContentType, await new StreamReader(request.Body, leaveOpen: true).ReadToEndAsync()));
                    request.Body.Position = 0;
                }
                var fault = Take(request);
                if (fault is { After: { } change })
                {
                    // The answer is already built from the state before; the change lands before the caller can write.
                    context.Response.OnStarting(() =>
                    {
                        change(Workloads);
                        return Task.CompletedTask;
                    });
                }
                else if (fault is not null)
                {
                    await ApiStatus.Result(fault.Code, fault.Message).ExecuteAsync(context);
                    return;
                }
                await next(context);
            });
            app.MapGet("/api/v1/namespaces/{ns}/pods", (string ns, string? labelSelector) => ListPods(ns, labelSelector));
            app.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", (HttpContext context, string ns, string name) => ReadLog(context.Request.Query, ns, name));
            FakeWorkloadsApi.Map(app, Workloads);
        });
    }

    private IResult ListPods(string ns, string? selector)
    {
        if (!LabelSelector.TryParse(selector, out var matches))
            return ApiStatus.Result(400, $"unable to parse requirement: invalid label selector \"{selector}\"");
        var items = new JsonArray([.. Pods(ns).Where(p => matches(p.Labels)).Select(p => PodJson(ns, p))]);
        return Results.Json(new JsonObject
        {
            ["kind"] = "PodList",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "48211" },
            ["items"] = items,
        });
    }

    private IResult ReadLog(IQueryCollection query, string ns, string name)
    {
        var pod = Pods(ns).FirstOrDefault(p => p.Name == name);
        if (pod is null) return ApiStatus.Result(404, $"pods \"{name}\" not found");
        var container = query["container"].FirstOrDefault();
        if (container is null && pod.Containers.Count > 1)
            return ApiStatus.Result(400, $"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', pod.Containers.Keys)}]");
        container ??= pod.Containers.Keys.Single();
        if (!pod.Containers.TryGetValue(container, out var lines))
            return ApiStatus.Result(400, $"container {container} is not valid for pod {name}");
        if (pod.Phase == "Pending")
            return ApiStatus.Result(400, $"container \"{container}\" in pod \"{name}\" is waiting to start: ContainerCreating");

        var now = time.GetUtcNow();
        var since = Number(query, "sinceSeconds") is { } s ? TimeSpan.FromSeconds(s) : TimeSpan.MaxValue;
        var timestamps = query["timestamps"].FirstOrDefault() == "true";
        var kept = lines.Where(l => l.Age <= since).OrderByDescending(l => l.Age)
            .Select(l => timestamps ? $"{Rfc3339Nano(now - l.Age)} {l.Text}" : l.Text)
            .ToList();
        if (Number(query, "tailLines") is { } tail) kept = kept.TakeLast((int)tail).ToList();
        var text = string.Concat(kept.Select(l => l + "\n"));
        if (Number(query, "limitBytes") is { } limit && Encoding.UTF8.GetByteCount(text) > limit) text = text[..(int)limit];
        return Results.Text(text, "text/plain", Encoding.UTF8);
    }

    private IDisposable Add(ApiFault fault)
    {
        lock (_faults) _faults.Add(fault);
        return new Removal(() =>
        {
            lock (_faults) _faults.Remove(fault);
        });
    }

    // A failure lasts until disposed; a change behind the caller's back happens once.
    private ApiFault? Take(HttpRequest request)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => f.Matches(request));
            if (fault?.After is not null) _faults.Remove(fault);
            return fault;
        }
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    private IReadOnlyList<FakePod> Pods(string ns) => podsByNamespace.GetValueOrDefault(ns) ?? [];

    private static long? Number(IQueryCollection query, string name) =>
        long.TryParse(query[name].FirstOrDefault(), CultureInfo.InvariantCulture, out var n) ? n : null;

    // Go's time.RFC3339Nano with all nine digits, as the kubelet writes them.
    private static string Rfc3339Nano(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    private static JsonObject PodJson(string ns, FakePod pod)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in pod.Labels) labels[key] = value;
        var running = pod.Phase != "Pending";
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = pod.Name,
                ["namespace"] = ns,
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = "48200",
                ["creationTimestamp"] = "2026-01-05T08:00:00Z",
                ["labels"] = labels,
            },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray([.. pod.Containers.Keys.Select(c => new JsonObject { ["name"] = c, ["image"] = $"registry.example/{c}:1.0" })]),
                ["nodeName"] = "gpu-node-1",
            },
            ["status"] = new JsonObject
            {
                ["phase"] = pod.Phase,
                ["containerStatuses"] = new JsonArray([.. pod.Containers.Keys.Select(c => new JsonObject
                {
                    ["name"] = c,
                    ["ready"] = running,
                    ["restartCount"] = 0,
                    ["image"] = $"registry.example/{c}:1.0",
                    ["imageID"] = "",
                    ["state"] = running
                        ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2026-01-05T08:00:05Z" } }
                        : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
                })]),
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
