using YamlDotNet.RepresentationModel;

namespace ChatOps.TestKit.Manifests;

/// <summary>Reads a parsed YAML document by key: a missing key fails with its name, unless asked with <c>Try</c>.</summary>
public static class YamlPaths
{
    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)Child(node, key);

    public static YamlMappingNode? TryMap(this YamlMappingNode node, string key) => TryChild(node, key) as YamlMappingNode;

    public static IReadOnlyList<YamlMappingNode> Maps(this YamlMappingNode node, string key) =>
        TryChild(node, key) is YamlSequenceNode items ? [.. items.Cast<YamlMappingNode>()] : [];

    public static IReadOnlyList<string> Texts(this YamlMappingNode node, string key) =>
        TryChild(node, key) is YamlSequenceNode items ? [.. items.Cast<YamlScalarNode>().Select(s => s.Value ?? "")] : [];

    public static string Text(this YamlMappingNode node, string key) => ((YamlScalarNode)Child(node, key)).Value ?? "";

    public static string? TryText(this YamlMappingNode node, string key) => (TryChild(node, key) as YamlScalarNode)?.Value;

    private static YamlNode Child(YamlMappingNode node, string key) =>
        TryChild(node, key) ?? throw new KeyNotFoundException($"'{key}' is missing at line {node.Start.Line}.");

    private static YamlNode? TryChild(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
