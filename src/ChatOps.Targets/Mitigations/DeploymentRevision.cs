using System.Text.Json.Nodes;

namespace ChatOps.Targets.Mitigations;

/// <summary>One revision of a deployment: its number, its pod template (without the hash label) and its annotations.</summary>
internal sealed record DeploymentRevision(long Number, JsonObject Template, IReadOnlyDictionary<string, string> Annotations);
