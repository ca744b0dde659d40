using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.Targets.Tests.Mitigations;
using ChatOps.TestKit;
using ChatOps.TestKit.Manifests;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Targets.Tests;

/// <summary>
/// The shipped Role (<c>manifest/k8s/rbac.yaml</c>) grants exactly what the code asks for: every check and mitigation
/// that touches Kubernetes runs, on the deployment's own target settings (<c>settings.yaml</c>), against a fake API
/// server that records each request; each request must be allowed by a rule, and each rule must be needed by one.
/// </summary>
public sealed class RbacManifestTests
{
    private static readonly IReadOnlyList<ManifestDocument> Manifests = KubernetesManifests.Load();

    [Fact]
    public async Task The_role_grants_exactly_the_requests_the_checks_and_mitigations_make()
    {
        var role = Manifests.Single("Role");
        var ns = role.Namespace!;
        var pods = new Dictionary<string, IReadOnlyList<FakePod>> { [ns] = PlatformPods.All[PlatformPods.Namespace] };
        await using var api = new FakeKubernetesApi(pods, TimeProvider.System);
        await api.StartAsync();
        var settings = TargetSettings(api.Url);
        var flags = settings["Targets:flags:ConfigMap"]!;
        var restarted = settings["Targets:flags:RestartDeployments:0"]!;
        api.Workloads.AddDeployment(ns, "vllm", 4, "vllm/vllm-openai:v0.6.3");
        api.Workloads.AddDeployment(ns, restarted, 3, "gateway:1.3", "gateway:1.4");
        api.Workloads.AddConfigMap(ns, flags, new Dictionary<string, string> { ["TOP_K"] = "5" });

        await using (var services = PlatformFixture.ServicesOf(settings))
        {
            var logs = TestChecks.One("id: k\ntitle: Logs\nkind: kubernetes-logs\ntarget: cluster\nselector: app=api-gateway\nmatch: ERROR");
            var result = await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, logs, CancellationToken.None);
            Assert.NotEqual(CheckGrade.Error, result.Grade);
            await PreviewApplyAndRevertAsync(services, new ScaleAction("cluster", "vllm", "+2"));
            await PreviewApplyAndRevertAsync(services, new RollbackAction("cluster", restarted));
            await PreviewApplyAndRevertAsync(services, new SetFlagAction("flags", "TOP_K", "10"));
        }

        var requests = api.Requests.Select(r => RbacRequest.Of(r.Method, r.Path)).Distinct().ToList();
        var rules = role.Root.Maps("rules");
        Assert.All(requests, request => Assert.True(rules.Any(rule => Allows(rule, request)), $"The Role does not allow: {request}."));
        foreach (var rule in rules)
        {
            foreach (var grant in Grants(rule))
                Assert.True(requests.Any(r => (r.Group, r.Resource, r.Verb) == grant),
                    $"The Role grants {grant}, which no check or mitigation uses.");
        }
    }

    private static async Task PreviewApplyAndRevertAsync(IServiceProvider services, MitigationAction action)
    {
        var executor = Executors.Of(services, action.Kind);
        await executor.PreviewAsync(action, null, CancellationToken.None);
        var applied = await executor.ApplyAsync(action, null, CancellationToken.None);
        await executor.RevertAsync(action, null, applied.Before, CancellationToken.None);
    }

    /// <summary>The kubernetes targets of settings.yaml, reaching the fake server instead of the in-cluster API.</summary>
    private static Dictionary<string, string?> TargetSettings(string server)
    {
        var targets = Manifests.Settings()
            .Where(s => s.Key.StartsWith("Targets__", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        var kubernetes = targets.Where(t => t.Key.EndsWith(":Kind", StringComparison.Ordinal) && t.Value == "kubernetes")
            .Select(t => t.Key[..^":Kind".Length]).ToList();
        Assert.Equal(["Targets:cluster", "Targets:flags"], kubernetes.Order(StringComparer.Ordinal));
        var settings = targets.Where(t => kubernetes.Any(k => t.Key.StartsWith(k + ":", StringComparison.Ordinal))).ToDictionary();
        foreach (var target in kubernetes) settings[target + ":Server"] = server;
        return settings;
    }

    private static bool Allows(YamlMappingNode rule, RbacRequest request)
    {
        var names = rule.Texts("resourceNames");
        return Grants(rule).Contains((request.Group, request.Resource, request.Verb))
            && (names.Count == 0 || (request.Name is not null && names.Contains(request.Name)));
    }

    private static IEnumerable<(string Group, string Resource, string Verb)> Grants(YamlMappingNode rule) =>
        from g in rule.Texts("apiGroups") from r in rule.Texts("resources") from v in rule.Texts("verbs") select (g, r, v);
}
