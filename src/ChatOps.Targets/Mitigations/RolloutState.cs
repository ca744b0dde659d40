using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Core.Mitigations;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// What a deployment runs: its revision, its pod template and its annotations, recorded whole so that a revert
/// can put the template back exactly, even after the ReplicaSet that held it is gone from the history.
/// </summary>
internal sealed record RolloutState(long? Revision, JsonObject Template, IReadOnlyDictionary<string, string> Annotations)
{
    public const string RevisionKey = "revision";
    public const string ImagesKey = "images";
    public const string TemplateKey = "template";
    public const string AnnotationsKey = "annotations";

    public static RolloutState Of(V1Deployment deployment) => new(
        DeploymentHistory.Revision(deployment.Metadata.Annotations),
        PodTemplates.WithoutHash(deployment.Spec.Template),
        DeploymentHistory.Annotations(deployment.Metadata.Annotations));

    public string Describe(string prefix = "revision") =>
        $"{prefix} {Revision?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}: {PodTemplates.Images(Template)}";

    public MitigationState State(string prefix = "revision")
    {
        var annotations = new JsonObject();
        foreach (var (key, value) in Annotations.OrderBy(a => a.Key, StringComparer.Ordinal)) annotations[key] = value;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImagesKey] = PodTemplates.Images(Template),
            [TemplateKey] = Template.ToJsonString(),
            [AnnotationsKey] = annotations.ToJsonString(),
        };
        if (Revision is { } revision) values[RevisionKey] = revision.ToString(CultureInfo.InvariantCulture);
        return new MitigationState(Describe(prefix), values);
    }

    public static RolloutState FromState(MitigationState state)
    {
        try
        {
            if (!state.Values.TryGetValue(TemplateKey, out var template) || JsonNode.Parse(template) is not JsonObject templateJson
                || !state.Values.TryGetValue(AnnotationsKey, out var annotations) || JsonNode.Parse(annotations) is not JsonObject annotationsJson)
                throw new MitigationFailedException($"the recorded state has no pod template to restore ({state.Description})");
            long? revision = state.Values.TryGetValue(RevisionKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            return new RolloutState(revision, templateJson,
                annotationsJson.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new MitigationFailedException($"the recorded pod template is not JSON: {e.Message}", e);
        }
    }
}
