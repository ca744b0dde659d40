using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ChatOps.Targets;

/// <summary>The reason the Kubernetes API gave for a refusal, from its Status object ("pods is forbidden: ...").</summary>
internal static class KubernetesStatus
{
    public static string Message(HttpOperationException e)
    {
        var content = e.Response.Content ?? "";
        try
        {
            return KubernetesJson.Deserialize<V1Status>(content)?.Message ?? e.Response.ReasonPhrase ?? "";
        }
        catch (JsonException)
        {
            return e.Response.ReasonPhrase ?? "";
        }
    }
}
