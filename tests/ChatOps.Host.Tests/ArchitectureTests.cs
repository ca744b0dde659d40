using System.Reflection;

namespace ChatOps.Host.Tests;

/// <summary>Dependencies point inward: the core knows no platform, and only the host composes several projects.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "OpenTelemetry", "Npgsql", "StackExchange.Redis", "KubernetesClient", "Microsoft.Data.Sqlite", "ChatOps.Slack", "ChatOps.Teams", "ChatOps.Storage", "ChatOps.Targets", "ChatOps.Host"];

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

    [Fact]
    public void No_adapter_depends_on_another_adapter_or_on_storage()
    {
        string[] adapters = ["ChatOps.Slack", "ChatOps.Teams", "ChatOps.LocalWorkspace", "ChatOps.Alertmanager"];
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "ChatOps.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!adapters.Contains(name)) continue;
            var references = Assembly.LoadFrom(file).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => r != name && (adapters.Contains(r) || r is "ChatOps.Storage" or "ChatOps.Targets"));
        }
    }

    [Fact]
    public void The_cores_folders_depend_on_each_other_without_cycles()
    {
        var graph = CoreFolderGraph.Read(typeof(Core.CoreServices).Assembly.Location);
        var cycles = CoreFolderGraph.Cycles(graph);
        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => string.Join(" ⇄ ", c) + ": "
            + string.Join("; ", c.SelectMany(from => graph[from].Where(e => c.Contains(e.Key)).Select(e => $"{from}→{e.Key} ({e.Value})"))))));
    }

    [Fact]
    public void The_graph_reader_sees_a_dependency_inside_a_method_body()
    {
        // The inbound job reaches the chat delivery only through calls in its async body.
        var graph = CoreFolderGraph.Read(typeof(Core.CoreServices).Assembly.Location);
        Assert.Contains("Chat", graph["Inbound"].Keys);
        Assert.NotEmpty(CoreFolderGraph.Cycles(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["A"] = new Dictionary<string, string> { ["B"] = "" },
            ["B"] = new Dictionary<string, string> { ["A"] = "" },
        }));
    }
}
