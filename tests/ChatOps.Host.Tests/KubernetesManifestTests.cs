using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Core.Work;
using ChatOps.Host.Configuration;
using ChatOps.Host.Tests.Image;
using ChatOps.TestKit;
using ChatOps.TestKit.Manifests;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Host.Tests;

/// <summary>
/// <c>manifest/k8s</c>: every document parses, and the Deployment keeps what the host needs (probes on its health
/// endpoints, a grace period above its drain, the image's user and port) and what the cluster should demand of it.
/// The Role's rules are held to the code's calls in ChatOps.Targets.Tests (RbacManifestTests).
/// </summary>
public sealed class KubernetesManifestTests : IDisposable
{
    private static readonly IReadOnlyList<ManifestDocument> Manifests = KubernetesManifests.Load();
    private static readonly Dockerfile Image = Dockerfile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-k8s-");

    private static YamlMappingNode Pod => Manifests.Single("Deployment").Root.Map("spec").Map("template").Map("spec");

    private static YamlMappingNode Container => Assert.Single(Pod.Maps("containers"));

    private static IReadOnlyDictionary<string, string> PodLabels =>
        Labels(Manifests.Single("Deployment").Root.Map("spec").Map("template").Map("metadata").Map("labels"));

    [Fact]
    public void Every_document_parses_and_the_kustomization_applies_every_file()
    {
        Assert.Equal(
            ["ConfigMap", "Deployment", "Kustomization", "Namespace", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"],
            Manifests.Select(d => d.Kind).Order(StringComparer.Ordinal));
        Assert.All(Manifests, d => Assert.False(string.IsNullOrEmpty(d.Root.Text("apiVersion")), d.File));
        Assert.All(Manifests.Where(d => d.Kind != "Kustomization"), d => Assert.False(string.IsNullOrEmpty(d.Name), d.File));

        var files = Manifests.Select(d => d.File).Where(f => f != "kustomization.yaml").Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(files, Manifests.Single("Kustomization").Root.Texts("resources").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_replicas_are_probed_on_healthz_and_readyz_at_the_images_port()
    {
        Assert.Equal("2", Manifests.Single("Deployment").Root.Map("spec").Text("replicas"));
        var port = Assert.Single(Container.Maps("ports"));
        var imagePort = Image.Stage("final").All("ENV").Select(e => e.Arguments)
            .Single(a => a.StartsWith("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal));
        Assert.Equal(imagePort.Split('=')[1], port.Text("containerPort"));

        foreach (var (probe, path) in new[] { ("startupProbe", "/healthz"), ("livenessProbe", "/healthz"), ("readinessProbe", "/readyz") })
        {
            var get = Container.Map(probe).Map("httpGet");
            Assert.Equal(path, get.Text("path"));
            Assert.Equal(port.Text("name"), get.Text("port"));
        }
    }

    [Fact]
    public void The_pod_runs_as_the_images_non_root_user_with_a_read_only_root_and_no_privileges()
    {
        var pod = Pod.Map("securityContext");
        Assert.Equal("true", pod.Text("runAsNonRoot"));
        Assert.Equal(Image.Stage("final").Last("USER").Arguments, pod.Text("runAsUser"));
        Assert.Equal("RuntimeDefault", pod.Map("seccompProfile").Text("type"));

        var container = Container.Map("securityContext");
        Assert.Equal("false", container.Text("allowPrivilegeEscalation"));
        Assert.Equal("true", container.Text("readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], container.Map("capabilities").Texts("drop"));

        // With the root read-only, /tmp is the one place the runtime writes: an emptyDir.
        var tmp = Assert.Single(Container.Maps("volumeMounts"), m => m.Text("mountPath") == "/tmp").Text("name");
        Assert.NotNull(Assert.Single(Pod.Maps("volumes"), v => v.Text("name") == tmp).TryMap("emptyDir"));
    }

    [Fact]
    public void Requests_and_limits_are_set_for_cpu_and_memory()
    {
        foreach (var bound in new[] { "requests", "limits" })
        {
            var resources = Container.Map("resources").Map(bound);
            Assert.False(string.IsNullOrEmpty(resources.Text("cpu")), bound);
            Assert.False(string.IsNullOrEmpty(resources.Text("memory")), bound);
        }
    }

    [Fact]
    public void The_grace_period_covers_the_prestop_pause_the_work_drain_and_the_hand_back()
    {
        // What a pod reads: the shipped appsettings.json, then the settings ConfigMap as environment variables.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "ChatOps.Host", "appsettings.json"))
            .AddInMemoryCollection(Manifests.Settings()
                .Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        var work = configuration.GetSection(WorkOptions.SectionName).Get<WorkOptions>() ?? new WorkOptions();
        var preStop = Seconds(Container.Map("lifecycle").Map("preStop").Map("sleep").Text("seconds"));
        var grace = Seconds(Pod.Text("terminationGracePeriodSeconds"));

        Assert.True(grace > preStop + work.ShutdownGrace + WorkRegistration.HandBack,
            $"terminationGracePeriodSeconds {grace.TotalSeconds} must exceed preStop {preStop.TotalSeconds} s + Work:ShutdownGrace "
            + $"{work.ShutdownGrace.TotalSeconds} s + hand-back {WorkRegistration.HandBack.TotalSeconds} s.");
    }

    [Fact]
    public void Replicas_spread_over_nodes_and_a_disruption_budget_keeps_one()
    {
        var spread = Assert.Single(Pod.Maps("topologySpreadConstraints"));
        Assert.Equal("kubernetes.io/hostname", spread.Text("topologyKey"));
        Assert.Equal(PodLabels, Labels(spread.Map("labelSelector").Map("matchLabels")));

        var budget = Manifests.Single("PodDisruptionBudget").Root.Map("spec");
        Assert.Equal("1", budget.Text("minAvailable"));
        Assert.Equal(PodLabels, Labels(budget.Map("selector").Map("matchLabels")));

        var service = Manifests.Single("Service").Root.Map("spec");
        Assert.Equal(PodLabels, Labels(service.Map("selector")));
        Assert.Equal(Assert.Single(Container.Maps("ports")).Text("name"), Assert.Single(service.Maps("ports")).Text("targetPort"));
    }

    [Fact]
    public void The_pods_service_account_is_the_one_the_role_is_bound_to_in_the_targets_namespace()
    {
        var account = Manifests.Single("ServiceAccount");
        Assert.Equal(account.Name, Pod.Text("serviceAccountName"));
        Assert.Equal(Manifests.Single("Deployment").Namespace, account.Namespace);

        var binding = Manifests.Single("RoleBinding");
        var subject = Assert.Single(binding.Root.Maps("subjects"));
        Assert.Equal((account.Name, account.Namespace), (subject.Text("name"), subject.Text("namespace")));
        var role = Manifests.Single("Role");
        Assert.Equal(role.Name, binding.Root.Map("roleRef").Text("name"));
        Assert.Equal(role.Namespace, binding.Namespace);

        var kubernetesTargets = Manifests.Settings().Where(s => s.Key.EndsWith("__Kind", StringComparison.Ordinal) && s.Value == "kubernetes")
            .Select(s => s.Key[..^"__Kind".Length]).ToList();
        Assert.NotEmpty(kubernetesTargets);
        Assert.All(kubernetesTargets, t => Assert.Equal(role.Namespace, Manifests.Settings()[t + "__Namespace"]));
    }

    [Fact]
    public void Every_secret_and_configmap_the_pod_references_is_defined_here_or_created_by_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(KubernetesManifests.Folder, "README.md"));
        var defined = Manifests.Where(d => d.Kind is "ConfigMap" or "Secret").Select(d => (d.Kind, d.Name)).ToHashSet();
        var created = Regex.Matches(readme, @"create (secret generic|configmap) ([\w.-]+)")
            .Select(m => (m.Groups[1].Value == "configmap" ? "ConfigMap" : "Secret", m.Groups[2].Value)).ToHashSet();

        var references = References().ToList();
        Assert.Contains(references, r => r.Kind == "Secret");
        Assert.Contains(references, r => r.Kind == "ConfigMap");
        foreach (var (kind, name, key) in references)
        {
            Assert.True(defined.Contains((kind, name)) || created.Contains((kind, name)),
                $"{kind} {name} is neither in the manifests nor created in README.md.");
            if (key is not null) Assert.Contains($"--from-literal={key}=", readme, StringComparison.Ordinal);
        }
        // Secrets are referenced, never kept: no Secret object, and no container value that could hold one.
        Assert.DoesNotContain(Manifests, d => d.Kind == "Secret");
        Assert.All(Container.Maps("env"), e => Assert.Null(e.TryText("value")));
    }

    [Fact]
    public async Task The_settings_configmap_starts_the_host()
    {
        var environment = Manifests.Settings().ToDictionary(s => s.Key, s => s.Value);
        // The ConfigMap's mount is the cluster's; here the repository's runbooks stand in for it.
        environment["Runbooks__Folder"] = RepoPaths.Runbooks;
        environment["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db");
        await using var host = HostProcess.Start(environment);
        using var client = new HttpClient();

        Assert.True(await host.WaitUntilLiveAsync(client), host.Output);
        Assert.DoesNotContain("cannot start", host.Output, StringComparison.Ordinal);
    }

    /// <summary>Every Secret and ConfigMap the pod names: in envFrom, in env values and in volumes; with the key where one is named.</summary>
    private static IEnumerable<(string Kind, string Name, string? Key)> References()
    {
        foreach (var from in Container.Maps("envFrom"))
        {
            if (from.TryMap("configMapRef") is { } map) yield return ("ConfigMap", map.Text("name"), null);
            if (from.TryMap("secretRef") is { } secret) yield return ("Secret", secret.Text("name"), null);
        }
        foreach (var value in Container.Maps("env").Select(e => e.Map("valueFrom")))
        {
            if (value.TryMap("secretKeyRef") is { } secret) yield return ("Secret", secret.Text("name"), secret.Text("key"));
            if (value.TryMap("configMapKeyRef") is { } map) yield return ("ConfigMap", map.Text("name"), map.Text("key"));
        }
        foreach (var volume in Pod.Maps("volumes"))
        {
            if (volume.TryMap("configMap") is { } map) yield return ("ConfigMap", map.Text("name"), null);
            if (volume.TryMap("secret") is { } secret) yield return ("Secret", secret.Text("secretName"), null);
        }
    }

    private static TimeSpan Seconds(string seconds) => TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Labels(YamlMappingNode labels) =>
        labels.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "");

    public void Dispose() => _folder.Delete(recursive: true);
}
