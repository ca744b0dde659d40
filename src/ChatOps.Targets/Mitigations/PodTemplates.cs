using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>Pod templates as JSON, compared and shown the way <c>kubectl rollout</c> does.</summary>
internal static class PodTemplates
{
    // The label the deployment controller adds to each ReplicaSet's template; never part of the deployment's own.
    public const string HashLabel = "pod-template-hash";

    /// <summary>The template without the <c>pod-template-hash</c> label.</summary>
    public static JsonObject WithoutHash(V1PodTemplateSpec template)
    {
        var json = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(template))!;
        if (json["metadata"]?["labels"] is JsonObject labels) labels.Remove(HashLabel);
        return json;
    }

    public static bool Same(JsonObject a, JsonObject b) => JsonNode.DeepEquals(a, b);

    /// <summary>Each container's image, the part of a template people recognise: <c>vllm=vllm/vllm-openai:v0.6.3</c>.</summary>
    public static string Images(JsonObject template)
    {
        var containers = template["spec"]?["containers"] as JsonArray ?? [];
        var images = containers.OfType<JsonObject>().Select(c => $"{(string?)c["name"]}={(string?)c["image"]}").ToList();
        return images.Count == 0 ? "no containers" : string.Join(", ", images);
    }
}
