using System.Globalization;
using ChatOps.Core;
using ChatOps.Core.Checks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The whole platform the runbooks check, started once for the test collection: Redis, PostgreSQL and Prometheus
/// from the machine's binaries, the metrics exporter, the Kubernetes API and the HTTP targets in process.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    /// <summary>
    /// The Redis the mitigation tests write to: its own server, so that their keys and lookups leave the counts and
    /// the hit rate the checks read from <see cref="Redis"/> as seeded.
    /// </summary>
    public RedisServer MitigationRedis { get; } = new(seed: false);
    public PostgresServer Postgres { get; } = new();
    public MetricsExporter Exporter { get; } = new();
    public PrometheusServer Prometheus { get; } = new();
    public FakeKubernetesApi Kubernetes { get; } = new(PlatformPods.All, TimeProvider.System);
    public FakeHttpTargets Http { get; } = new();

    /// <summary>The ConfigMap the <c>flags-cm</c> target keeps flags in; tests add it as they need it.</summary>
    public const string FlagsConfigMap = "platform-flags";

    /// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
    public int DeadPort { get; } = Loopback.FreePort();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(
            Redis.StartAsync(),
            MitigationRedis.StartAsync(),
            Postgres.StartAsync(),
            Kubernetes.StartAsync(),
            Http.StartAsync(),
            Exporter.StartAsync().ContinueWith(_ => Prometheus.StartAsync(Exporter.Url), TaskScheduler.Default).Unwrap());
    }

    /// <summary>The <c>Targets</c> section the shipped runbooks name, plus targets for the failure cases.</summary>
    public Dictionary<string, string?> TargetSettings() => new()
    {
        ["Targets:metrics:Kind"] = "prometheus",
        ["Targets:metrics:Url"] = Prometheus.Url,
        ["Targets:vllm:Kind"] = "http",
        ["Targets:vllm:Url"] = $"{Http.Url}/vllm",
        ["Targets:rag:Kind"] = "http",
        ["Targets:rag:Url"] = $"{Http.Url}/rag/",
        ["Targets:embeddings:Kind"] = "http",
        ["Targets:embeddings:Url"] = $"{Http.Url}/embeddings",
        ["Targets:platform-redis:Kind"] = "redis",
        ["Targets:platform-redis:ConnectionString"] = Redis.ConnectionString,
        ["Targets:platform-db:Kind"] = "postgres",
        ["Targets:platform-db:ConnectionString"] = Postgres.ReadOnlyConnectionString,
        ["Targets:platform-db-owner:Kind"] = "postgres",
        ["Targets:platform-db-owner:ConnectionString"] = Postgres.AdminConnectionString,
        ["Targets:cluster:Kind"] = "kubernetes",
        ["Targets:cluster:Namespace"] = PlatformPods.Namespace,
        ["Targets:cluster:Server"] = Kubernetes.Url,
        ["Targets:flags:Kind"] = "redis",
        ["Targets:flags:ConnectionString"] = MitigationRedis.MitigationConnectionString,
        ["Targets:flags:Hash"] = RedisServer.FlagsHash,
        ["Targets:flags-cm:Kind"] = "kubernetes",
        ["Targets:flags-cm:Namespace"] = PlatformPods.Namespace,
        ["Targets:flags-cm:Server"] = Kubernetes.Url,
        ["Targets:flags-cm:ConfigMap"] = FlagsConfigMap,
        ["Targets:stuck:Kind"] = "http",
        ["Targets:stuck:Url"] = $"{Http.Url}/stuck",
        ["Targets:broken:Kind"] = "http",
        ["Targets:broken:Url"] = $"{Http.Url}/broken",
        ["Targets:garbage:Kind"] = "http",
        ["Targets:garbage:Url"] = $"{Http.Url}/garbage",
        ["Targets:not-prometheus:Kind"] = "prometheus",
        ["Targets:not-prometheus:Url"] = $"{Http.Url}/garbage",
        ["Targets:json:Kind"] = "http",
        ["Targets:json:Url"] = $"{Http.Url}/json",
        ["Targets:dead-http:Kind"] = "http",
        ["Targets:dead-http:Url"] = $"http://127.0.0.1:{Dead}",
        ["Targets:dead-metrics:Kind"] = "prometheus",
        ["Targets:dead-metrics:Url"] = $"http://127.0.0.1:{Dead}",
        ["Targets:dead-redis:Kind"] = "redis",
        ["Targets:dead-redis:ConnectionString"] = $"127.0.0.1:{Dead},connectTimeout=2000,connectRetry=1",
        ["Targets:dead-db:Kind"] = "postgres",
        ["Targets:dead-db:ConnectionString"] = $"Host=127.0.0.1;Port={Dead};Username=nobody;Password=nothing;Timeout=5",
        ["Targets:dead-cluster:Kind"] = "kubernetes",
        ["Targets:dead-cluster:Namespace"] = PlatformPods.Namespace,
        ["Targets:dead-cluster:Server"] = $"http://127.0.0.1:{Dead}",
    };

    private string Dead => DeadPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>The services a host would build: the targets' executors and the check runner, over these settings.</summary>
    public ServiceProvider Services(Action<Dictionary<string, string?>>? change = null, Action<IServiceCollection>? register = null)
    {
        var settings = TargetSettings();
        change?.Invoke(settings);
        return ServicesOf(settings, register);
    }

    /// <summary>The targets' executors and the check runner over <paramref name="settings"/> alone, with no platform started.</summary>
    public static ServiceProvider ServicesOf(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? register = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        // Before the targets, so that what a test registers (a FakeTimeProvider) wins over their defaults.
        register?.Invoke(services);
        services.AddChatOpsTargets(configuration);
        services.AddMetrics();
        services.AddSingleton<CheckMetrics>();
        services.AddIncidentExecutors();
        services.AddSingleton<CheckRunner>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await Http.DisposeAsync();
        await Kubernetes.DisposeAsync();
        await Prometheus.DisposeAsync();
        await Exporter.DisposeAsync();
        await Postgres.DisposeAsync();
        await Redis.DisposeAsync();
        await MitigationRedis.DisposeAsync();
    }
}
