using ChatOps.TestKit;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Targets.Tests;

/// <summary>The shipped Role grants exactly what the checks and mitigations use (README: "Least privilege").</summary>
public sealed class RbacManifestTests
{
    [Fact]
    public void The_role_grants_exactly_the_verbs_the_executors_use()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, "manifest", "k8s", "rbac.yaml")))
            stream.Load(reader);
        var documents = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        var role = documents.Single(d => Text(d, "kind") == "Role");

        var grants = ((YamlSequenceNode)role.Children["rules"]).Cast<YamlMappingNode>()
            .SelectMany(rule => Items(rule, "apiGroups").SelectMany(g => Items(rule, "resources").SelectMany(r => Items(rule, "verbs").Select(v => $"{g}/{r}: {v}"))))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "/configmaps: get", "/configmaps: patch",
                "/pods/log: get", "/pods: get", "/pods: list",
                "apps/deployments/scale: get", "apps/deployments/scale: patch",
                "apps/deployments: get", "apps/deployments: patch",
                "apps/replicasets: list",
            ],
            grants);
        Assert.Equal(["Role", "RoleBinding", "ServiceAccount"], documents.Select(d => Text(d, "kind")).Order(StringComparer.Ordinal));
    }

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value ?? "";

    private static IEnumerable<string> Items(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[key]).Cast<YamlScalarNode>().Select(s => s.Value ?? "");
}
