using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Kind = ChatOps.Targets.Tests.Fixtures.FakeWorkloads.Kind;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The workload endpoints of the fake API server (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/):
/// deployments (get, patch), their scale subresource (get, patch, put), ReplicaSets listed by label selector, and
/// ConfigMaps (get, patch). A patch takes the three content types KubernetesClient sends (json-patch, merge-patch,
/// strategic-merge-patch), honours <c>dryRun=All</c>, and answers 409 when it carries a stale resourceVersion.
/// </summary>
public static class FakeWorkloadsApi
{
    private const string Apps = "/apis/apps/v1/namespaces/{ns}";

    public static void Map(WebApplication app, FakeWorkloads workloads)
    {
        app.MapGet(Apps + "/deployments/{name}", (string ns, string name) => Get(workloads, Kind.Deployment, ns, name));
        app.MapMethods(Apps + "/deployments/{name}", ["PATCH"], (HttpContext context, string ns, string name) =>
            PatchAsync(context, workloads, Kind.Deployment, ns, name, Identity));
        app.MapGet(Apps + "/deployments/{name}/scale", (string ns, string name) =>
            workloads.Deployment(ns, name) is { } d ? Results.Json(Scale(d)) : NotFound(Kind.Deployment, name));
        app.MapMethods(Apps + "/deployments/{name}/scale", ["PATCH"], (HttpContext context, string ns, string name) =>
            PatchAsync(context, workloads, Kind.Deployment, ns, name, ScaleView));
        app.MapPut(Apps + "/deployments/{name}/scale", async (HttpContext context, string ns, string name) =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
            return Write(context, workloads, Kind.Deployment, ns, name, ScaleView, _ => body);
        });
        app.MapGet(Apps + "/replicasets", (string ns, string? labelSelector) =>
        {
            if (!LabelSelector.TryParse(labelSelector, out var matches))
                return ApiStatus.Result(400, $"unable to parse requirement: invalid label selector \"{labelSelector}\"");
            return Results.Json(new JsonObject
            {
                ["kind"] = "ReplicaSetList",
                ["apiVersion"] = "apps/v1",
                ["metadata"] = new JsonObject { ["resourceVersion"] = "51000" },
                ["items"] = new JsonArray([.. workloads.ListReplicaSets(ns, matches)]),
            });
        });
        app.MapGet("/api/v1/namespaces/{ns}/configmaps/{name}", (string ns, string name) => Get(workloads, Kind.ConfigMap, ns, name));
        app.MapMethods("/api/v1/namespaces/{ns}/configmaps/{name}", ["PATCH"], (HttpContext context, string ns, string name) =>
            PatchAsync(context, workloads, Kind.ConfigMap, ns, name, Identity));
    }

    private static IResult Get(FakeWorkloads workloads, Kind kind, string ns, string name) =>
        workloads.Get(kind, ns, name) is { } item ? Results.Json(item) : NotFound(kind, name);

    private static async Task<IResult> PatchAsync(HttpContext context, FakeWorkloads workloads, Kind kind, string ns, string name, View view)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType : null;
        Func<JsonNode, JsonNode> apply;
        try
        {
            var patch = JsonNode.Parse(text);
            apply = mediaType switch
            {
                "application/json-patch+json" when patch is JsonArray operations => shown => JsonPatches.Apply(shown, operations),
                "application/merge-patch+json" or "application/strategic-merge-patch+json" => shown => JsonPatches.Merge(shown, patch)!,
                "application/json-patch+json" => throw new JsonException("a JSON patch must be an array of operations"),
                _ => null!,
            };
        }
        catch (JsonException e)
        {
            return ApiStatus.Result(400, $"error decoding patch: {e.Message}");
        }
        if (apply is null)
        {
            return ApiStatus.Result(415, $"the body of the request was in an unknown format - accepted media types include: " +
                "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json");
        }
        return Write(context, workloads, kind, ns, name, view, apply);
    }

    private static IResult Write(HttpContext context, FakeWorkloads workloads, Kind kind, string ns, string name, View view, Func<JsonNode, JsonNode> change)
    {
        var dryRun = context.Request.Query["dryRun"] == "All";
        try
        {
            var (stored, conflict) = workloads.Write(kind, ns, name, current => view.Put(current, (JsonObject)change(view.Show(current))), dryRun);
            if (conflict is not null) return ApiStatus.Result(409, $"Operation cannot be fulfilled on {Resource(kind)} \"{name}\": {conflict}");
            return stored is null ? NotFound(kind, name) : Results.Json(view.Show(stored));
        }
        catch (InvalidOperationException e)
        {
            return ApiStatus.Result(422, $"{Resource(kind)} \"{name}\" is invalid: {e.Message}");
        }
    }

    /// <summary>How a write sees the object: the whole object, or a subresource of it.</summary>
    private sealed record View(Func<JsonObject, JsonObject> Show, Func<JsonObject, JsonObject, JsonObject> Put);

    private static readonly View Identity = new(o => o, (_, changed) => changed);

    private static readonly View ScaleView = new(Scale, (deployment, scale) =>
    {
        var replicas = scale["spec"]?["replicas"]?.GetValue<int>() ?? 0;
        if (replicas < 0) throw new InvalidOperationException($"spec.replicas: Invalid value: {replicas}: must be greater than or equal to 0");
        deployment["spec"]!["replicas"] = replicas;
        // The scale's resourceVersion is the deployment's: a stale one in the patch is a conflict.
        deployment["metadata"]!["resourceVersion"] = scale["metadata"]?["resourceVersion"]?.DeepClone();
        return deployment;
    });

    private static JsonObject Scale(JsonObject deployment)
    {
        var metadata = deployment["metadata"]!;
        var replicas = deployment["spec"]!["replicas"]!.DeepClone();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]!.DeepClone(),
                ["namespace"] = metadata["namespace"]!.DeepClone(),
                ["uid"] = metadata["uid"]!.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]!.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]!.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
            ["status"] = new JsonObject
            {
                ["replicas"] = deployment["status"]?["replicas"]?.DeepClone() ?? replicas.DeepClone(),
                ["selector"] = string.Join(',', deployment["spec"]!["selector"]!["matchLabels"]!.AsObject().Select(p => $"{p.Key}={p.Value}")),
            },
        };
    }

    private static IResult NotFound(Kind kind, string name) => ApiStatus.Result(404, $"{Resource(kind)} \"{name}\" not found");

    private static string Resource(Kind kind) => kind switch
    {
        Kind.Deployment => "deployments.apps",
        Kind.ReplicaSet => "replicasets.apps",
        _ => "configmaps",
    };
}
