using ChatOps.Core.Checks;
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
    public void Registering_twice_registers_each_executor_once()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddChatOpsTargets(configuration).AddChatOpsTargets(configuration).BuildServiceProvider();

        Assert.Equal(5, services.GetServices<ICheckExecutor>().Count());
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
