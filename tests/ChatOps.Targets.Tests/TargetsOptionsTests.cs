using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Targets.Tests;

public sealed class TargetsOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddChatOpsTargets(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_section_binds_targets_by_name()
    {
        using var services = Build(new()
        {
            ["Targets:metrics:Kind"] = "prometheus",
            ["Targets:metrics:Url"] = "http://prometheus.monitoring:9090",
            ["Targets:metrics:Headers:Authorization"] = "Bearer abc",
            ["Targets:cluster:Kind"] = "kubernetes",
            ["Targets:cluster:Namespace"] = "llm",
        });

        var targets = services.GetRequiredService<IOptions<TargetsOptions>>().Value.Targets;

        Assert.Equal("http://prometheus.monitoring:9090", targets["metrics"].Url);
        Assert.Equal("Bearer abc", targets["METRICS"].Headers["authorization"]);
        Assert.Equal("llm", targets["cluster"].Namespace);
    }

    [Fact]
    public void Every_check_kind_has_an_executor()
    {
        using var services = Build([]);

        Assert.Equal(["http", "kubernetes-logs", "postgres", "prometheus", "redis"],
            services.GetServices<ICheckExecutor>().Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_mitigation_kind_but_manual_has_an_executor()
    {
        using var services = Build([]);

        Assert.Equal(["block", "rollback", "scale", "set-flag"],
            services.GetServices<IMitigationExecutor>().Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Registering_twice_registers_each_executor_once()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddChatOpsTargets(configuration).AddChatOpsTargets(configuration).BuildServiceProvider();

        Assert.Equal(5, services.GetServices<ICheckExecutor>().Count());
        Assert.Equal(4, services.GetServices<IMitigationExecutor>().Count());
    }

    [Fact]
    public void Mitigation_settings_bind_with_their_defaults()
    {
        using var services = Build(new()
        {
            ["Targets:cluster:Kind"] = "kubernetes",
            ["Targets:cluster:Namespace"] = "llm",
            ["Targets:flags:Kind"] = "kubernetes",
            ["Targets:flags:Namespace"] = "llm",
            ["Targets:flags:MaxReplicas"] = "12",
            ["Targets:flags:ConfigMap"] = "platform-flags",
            ["Targets:flags:RestartDeployments:0"] = "api-gateway",
            ["Targets:flags:RestartDeployments:1"] = "rag",
            ["Targets:platform-redis:Kind"] = "redis",
            ["Targets:platform-redis:ConnectionString"] = "redis.llm:6379",
            ["Targets:platform-redis:Hash"] = "platform:flags",
        });

        var targets = services.GetRequiredService<IOptions<TargetsOptions>>().Value.Targets;

        Assert.Equal(20, targets["cluster"].MaxReplicas);
        Assert.Equal(12, targets["flags"].MaxReplicas);
        Assert.Equal("platform-flags", targets["flags"].ConfigMap);
        Assert.Equal(["api-gateway", "rag"], targets["flags"].RestartDeployments);
        Assert.Equal("platform:flags", targets["platform-redis"].Hash);
        Assert.Equal("blocked:{subject}", targets["platform-redis"].BlockKey);
    }

    [Fact]
    public void Mitigation_settings_that_could_never_work_are_refused_at_start()
    {
        using var services = Build(new()
        {
            ["Targets:cluster:Kind"] = "kubernetes",
            ["Targets:cluster:Namespace"] = "llm",
            ["Targets:cluster:MaxReplicas"] = "-1",
            ["Targets:cluster:RestartDeployments:0"] = "api-gateway",
            ["Targets:flags:Kind"] = "kubernetes",
            ["Targets:flags:Namespace"] = "llm",
            ["Targets:flags:ConfigMap"] = "Platform_Flags",
            ["Targets:flags:RestartDeployments:0"] = "API gateway",
            ["Targets:redis:Kind"] = "redis",
            ["Targets:redis:ConnectionString"] = "redis.llm:6379",
            ["Targets:redis:Hash"] = " ",
            ["Targets:redis:BlockKey"] = "blocked",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TargetsOptions>>().Value);

        Assert.Equal(
            [
                "Targets:cluster: MaxReplicas must be 0 or more.",
                "Targets:cluster: RestartDeployments needs ConfigMap.",
                "Targets:flags: ConfigMap 'Platform_Flags' is not a valid object name.",
                "Targets:flags: RestartDeployments: 'API gateway' is not a valid deployment name.",
                "Targets:redis: BlockKey must contain {subject}, where the blocked user id or IP address goes.",
                "Targets:redis: Hash must name a Redis key when set.",
            ],
            failure.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unusable_targets_are_refused_with_every_reason()
    {
        using var services = Build(new()
        {
            ["Targets:metrics:Kind"] = "prometheus",
            ["Targets:metrics:Url"] = "prometheus.monitoring:9090",
            ["Targets:db:Kind"] = "postgres",
            ["Targets:cluster:Kind"] = "kubernetes",
            ["Targets:cluster:Server"] = "http://127.0.0.1:1",
            ["Targets:cluster:Kubeconfig"] = "kubeconfig.yaml",
            ["Targets:mystery:Kind"] = "mongodb",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TargetsOptions>>().Value);

        Assert.Equal(
            [
                "Targets:cluster: Namespace is required.",
                "Targets:cluster: set Server or Kubeconfig, not both.",
                "Targets:db: ConnectionString is required.",
                "Targets:metrics: Url must be an absolute http or https URL.",
                "Targets:mystery: Kind 'mongodb' is unknown; use prometheus, http, redis, postgres, kubernetes.",
            ],
            failure.Failures.Order(StringComparer.Ordinal));
    }
}
