using System.Reflection;

namespace ChatOps.Host.Tests;

/// <summary>Dependencies point inward: the core knows no platform, and only the host composes several projects.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Npgsql", "StackExchange.Redis", "KubernetesClient", "Microsoft.Data.Sqlite", "ChatOps.Slack", "ChatOps.Teams", "ChatOps.Storage", "ChatOps.Targets", "ChatOps.Host"];

    [Fact]
    public void The_core_references_no_platform_database_or_adapter()
    {
        var references = typeof(Core.CoreServices).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_the_host_references_more_than_one_sibling_project()
    {
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "ChatOps.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name is "ChatOps.Host" or "ChatOps.Core" || name.EndsWith(".Tests", StringComparison.Ordinal) || name == "ChatOps.TestKit") continue;
            var siblings = Assembly.LoadFrom(file).GetReferencedAssemblies().Select(a => a.Name!)
                .Where(r => r.StartsWith("ChatOps.", StringComparison.Ordinal) && r != "ChatOps.Core").ToList();
            Assert.True(siblings.Count == 0, $"{name} references {string.Join(", ", siblings)}; only the host composes projects.");
        }
    }
}
