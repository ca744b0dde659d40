using YamlDotNet.RepresentationModel;

namespace ChatOps.TestKit.Manifests;

/// <summary>The documents of <c>manifest/k8s/*.yaml</c>, parsed as YAML, each with the file it came from.</summary>
public static class KubernetesManifests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "manifest", "k8s");

    public static IReadOnlyList<ManifestDocument> Load()
    {
        var documents = new List<ManifestDocument>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file)) stream.Load(reader);
            documents.AddRange(stream.Documents.Select(d => new ManifestDocument(Path.GetFileName(file), (YamlMappingNode)d.RootNode)));
        }
        return documents;
    }

    public static ManifestDocument Single(this IEnumerable<ManifestDocument> documents, string kind) =>
        documents.Single(d => d.Kind == kind);

    /// <summary>The settings the pods get from the ConfigMap <c>chatops-settings</c>, as environment variables.</summary>
    public static IReadOnlyDictionary<string, string> Settings(this IEnumerable<ManifestDocument> documents) =>
        documents.Single(d => d.Kind == "ConfigMap" && d.Name == "chatops-settings").Root.Map("data").Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);
}
