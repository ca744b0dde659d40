using YamlDotNet.RepresentationModel;

namespace ChatOps.TestKit.Manifests;

/// <summary>One Kubernetes object of a manifest file.</summary>
public sealed record ManifestDocument(string File, YamlMappingNode Root)
{
    public string Kind => Root.Text("kind");

    public string Name => Root.TryMap("metadata")?.TryText("name") ?? "";

    public string? Namespace => Root.TryMap("metadata")?.TryText("namespace");
}
