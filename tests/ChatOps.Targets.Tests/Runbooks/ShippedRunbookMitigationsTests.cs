using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using ChatOps.Targets.Tests.Mitigations;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Runbooks;

/// <summary>The shipped runbooks' mitigations, with their default targets, against the fake cluster and the mitigations' Redis.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ShippedRunbookMitigationsTests(PlatformFixture platform)
{
    private static readonly Lazy<IReadOnlyList<Runbook>> Shipped = new(() =>
    {
        var loaded = RunbookLoader.LoadFolder(RepoPaths.Runbooks);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Runbooks;
    });

    [Fact]
    public async Task Every_kind_of_action_the_runbooks_take_has_an_executor()
    {
        await using var services = platform.Services();
        var kinds = services.GetServices<IMitigationExecutor>().Select(e => e.Kind).ToHashSet(StringComparer.Ordinal);

        var missing = Shipped.Value.SelectMany(r => r.Mitigations).Select(m => m.Action.Kind).Where(k => k != "manual" && !kinds.Contains(k)).Distinct();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Scale_up_inference_pool_goes_4_to_6_and_back_to_4()
    {
        // The runbook names the deployment vllm on the default target cluster; no other test touches it.
        platform.Kubernetes.Workloads.AddDeployment(PlatformPods.Namespace, "vllm", 4, "vllm/vllm-openai:v0.6.3");
        var mitigation = Shipped.Value.Single(r => r.Id == "high-latency").FindMitigation("scale-inference")!;
        await using var services = platform.Services();
        var executor = Executors.Of(services, mitigation.Action.Kind);

        var preview = await executor.PreviewAsync(mitigation.Action, null, CancellationToken.None);
        var applied = await executor.ApplyAsync(mitigation.Action, null, CancellationToken.None);
        var atSix = platform.Kubernetes.Workloads.Replicas(PlatformPods.Namespace, "vllm");
        await executor.RevertAsync(mitigation.Action, null, applied.Before, CancellationToken.None);

        Assert.Equal(("replicas 4", "replicas 6"), (preview.Current.Description, preview.Planned));
        Assert.Equal(("replicas 4", "replicas 6"), (applied.Before.Description, applied.After.Description));
        Assert.Equal(6, atSix);
        Assert.Equal(4, platform.Kubernetes.Workloads.Replicas(PlatformPods.Namespace, "vllm"));
    }

    [Fact]
    public async Task Enable_fallback_sets_the_flag_on_the_flags_target_and_revert_unsets_it()
    {
        var mitigation = Shipped.Value.Single(r => r.Id == "high-error-rate").FindMitigation("enable-fallback")!;
        var redis = platform.MitigationRedis.Admin.GetDatabase();
        await redis.HashDeleteAsync(RedisServer.FlagsHash, "FALLBACK_ENABLED");
        await using var services = platform.Services();
        var executor = Executors.Of(services, mitigation.Action.Kind);

        var applied = await executor.ApplyAsync(mitigation.Action, null, CancellationToken.None);
        var set = await redis.HashGetAsync(RedisServer.FlagsHash, "FALLBACK_ENABLED");
        await executor.RevertAsync(mitigation.Action, null, applied.Before, CancellationToken.None);

        Assert.Equal("true", set);
        Assert.False(await redis.HashExistsAsync(RedisServer.FlagsHash, "FALLBACK_ENABLED"));
    }

    [Fact]
    public async Task Block_suspicious_users_blocks_for_24_hours_on_platform_redis()
    {
        var mitigation = Shipped.Value.Single(r => r.Id == "cost-spike").FindMitigation("block-suspicious-users")!;
        var user = Executors.UniqueName("bot");
        await using var services = platform.Services(s => s["Targets:platform-redis:ConnectionString"] = platform.MitigationRedis.MitigationConnectionString);

        var applied = await Executors.Of(services, "block").ApplyAsync(mitigation.Action, user, CancellationToken.None);

        Assert.Equal("platform-redis", mitigation.Action.Target);
        Assert.Equal($"{user} blocked for another 1d", applied.After.Description);
        Assert.True(await platform.MitigationRedis.Admin.GetDatabase().KeyExistsAsync($"blocked:{user}"));
    }
}
