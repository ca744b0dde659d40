using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>set-flag on a <c>kubernetes</c> target: a data key of the ConfigMap <c>platform-flags</c>, then a rollout restart.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SetFlagInConfigMapTests(PlatformFixture platform)
{
    private const string Ns = PlatformPods.Namespace;
    private const string Map = PlatformFixture.FlagsConfigMap;

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private FakeWorkloads Cluster => platform.Kubernetes.Workloads;

    private static string Flag() => Executors.UniqueName("FLAG").ToUpperInvariant().Replace('-', '_');

    private void EnsureMap()
    {
        if (Cluster.ConfigMap(Ns, Map) is null) Cluster.AddConfigMap(Ns, Map, new Dictionary<string, string> { ["TOP_K"] = "5" });
    }

    private async Task<T> WithExecutorAsync<T>(Func<IMitigationExecutor, Task<T>> act, params string[] restart)
    {
        EnsureMap();
        await using var services = platform.Services(
            s =>
            {
                for (var i = 0; i < restart.Length; i++) s[$"Targets:flags-cm:RestartDeployments:{i}"] = restart[i];
            },
            r => r.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        return await act(Executors.Of(services, "set-flag"));
    }

    private string Deployment()
    {
        var name = Executors.UniqueName("gateway");
        Cluster.AddDeployment(Ns, name, 2, "gateway:1.4");
        return name;
    }

    [Fact]
    public async Task An_existing_key_is_changed_the_readers_restart_and_revert_restores_the_value()
    {
        var flag = Flag();
        Cluster.SetConfigValue(Ns, Map, flag, "0.25");
        var (gateway, worker) = (Deployment(), Deployment());
        var action = new SetFlagAction("flags-cm", flag, "0.7");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None), gateway, worker);

        Assert.Equal("0.7", Cluster.ConfigValue(Ns, Map, flag));
        Assert.Equal($"{flag}=0.25 (ConfigMap platform-flags)", applied.Before.Description);
        Assert.Equal($"{flag}=0.7 (ConfigMap platform-flags)", applied.After.Description);
        Assert.Equal("2026-01-05T09:30:00Z", Cluster.TemplateAnnotation(Ns, gateway, "kubectl.kubernetes.io/restartedAt"));
        Assert.Equal("2026-01-05T09:30:00Z", Cluster.TemplateAnnotation(Ns, worker, "kubectl.kubernetes.io/restartedAt"));

        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None), gateway);

        Assert.Equal("0.25", Cluster.ConfigValue(Ns, Map, flag));
        Assert.Equal("TOP_K", Assert.Single(Cluster.ConfigMap(Ns, Map)!["data"]!.AsObject(), p => p.Key == "TOP_K").Key);
    }

    [Fact]
    public async Task An_absent_key_is_removed_again_by_revert()
    {
        var flag = Flag();
        var action = new SetFlagAction("flags-cm", flag, "true");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));
        Assert.Equal("true", Cluster.ConfigValue(Ns, Map, flag));
        Assert.Equal($"{flag} unset (ConfigMap platform-flags)", applied.Before.Description);

        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.False(Cluster.ConfigMap(Ns, Map)!["data"]!.AsObject().ContainsKey(flag));
        Assert.Equal("5", Cluster.ConfigValue(Ns, Map, "TOP_K"));
    }

    [Fact]
    public async Task The_writes_are_a_conditional_merge_patch_and_kubectls_restart_patch()
    {
        var flag = Flag();
        var gateway = Deployment();

        await WithExecutorAsync(e => e.ApplyAsync(new SetFlagAction("flags-cm", flag, "16"), null, CancellationToken.None), gateway);

        var patch = Assert.Single(platform.Kubernetes.Writes, w => w.Body.Contains(flag, StringComparison.Ordinal));
        Assert.Equal($"/api/v1/namespaces/{Ns}/configmaps/{Map}", patch.Path);
        Assert.StartsWith("application/merge-patch+json", patch.ContentType, StringComparison.Ordinal);
        Assert.Matches($$"""^\{"metadata":\{"resourceVersion":"\d+"\},"data":\{"{{flag}}":"16"\}\}$""", patch.Body);
        var restarts = platform.Kubernetes.Writes.Where(w => w.Path.Contains(gateway, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"/apis/apps/v1/namespaces/{Ns}/deployments/{gateway}?dryRun=All", $"/apis/apps/v1/namespaces/{Ns}/deployments/{gateway}"], restarts.Select(r => r.Path));
        Assert.All(restarts, r => Assert.StartsWith("application/strategic-merge-patch+json", r.ContentType, StringComparison.Ordinal));
        Assert.Equal("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-05T09:30:00Z"}}}}}""", restarts[1].Body);
    }

    [Fact]
    public async Task Preview_reads_the_live_value_and_changes_nothing()
    {
        var flag = Flag();
        EnsureMap();
        Cluster.SetConfigValue(Ns, Map, flag, "3600");
        var writes = platform.Kubernetes.Writes.Count;

        var preview = await WithExecutorAsync(e => e.PreviewAsync(new SetFlagAction("flags-cm", flag, "7200"), null, CancellationToken.None));

        Assert.Equal($"{flag}=3600 (ConfigMap platform-flags)", preview.Current.Description);
        Assert.Equal($"{flag}=7200 (ConfigMap platform-flags)", preview.Planned);
        Assert.Equal(writes, platform.Kubernetes.Writes.Count);
    }

    [Fact]
    public async Task A_restart_that_would_be_refused_stops_the_change_before_the_configmap_is_touched()
    {
        var flag = Flag();
        var gateway = Deployment();
        using var forbidden = platform.Kubernetes.Fail("PATCH", $"/deployments/{gateway}", 403, $"deployments.apps \"{gateway}\" is forbidden");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new SetFlagAction("flags-cm", flag, "1"), null, CancellationToken.None), gateway));

        Assert.StartsWith($"restarting deployment {gateway} in namespace {Ns}: forbidden", failed.Message, StringComparison.Ordinal);
        Assert.Null(Cluster.ConfigValue(Ns, Map, flag));
        Assert.DoesNotContain(platform.Kubernetes.Writes, w => w.Body.Contains(flag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_that_fails_after_the_change_puts_the_flag_back_and_restarts_the_others_again()
    {
        var flag = Flag();
        Cluster.SetConfigValue(Ns, Map, flag, "0.25");
        var (gateway, worker) = (Deployment(), Deployment());
        using var broken = platform.Kubernetes.Fail("PATCH", $"/deployments/{worker}", 500, "etcdserver: leader changed", dryRunToo: false);

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new SetFlagAction("flags-cm", flag, "0.7"), null, CancellationToken.None), gateway, worker));

        Assert.Equal($"restarting deployment {worker} in namespace {Ns}: the API answered 500 etcdserver: leader changed; {flag} was put back to '0.25'", failed.Message);
        Assert.Equal("0.25", Cluster.ConfigValue(Ns, Map, flag));
        Assert.Equal(2, platform.Kubernetes.Writes.Count(w => w.Path == $"/apis/apps/v1/namespaces/{Ns}/deployments/{gateway}"));
    }

    [Fact]
    public async Task A_change_to_the_configmap_between_read_and_write_is_a_conflict_and_is_kept()
    {
        var flag = Flag();
        EnsureMap();
        using var other = platform.Kubernetes.ChangeAfter("GET", $"/configmaps/{Map}", c => c.SetConfigValue(Ns, Map, flag, "someone else's"));

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new SetFlagAction("flags-cm", flag, "mine"), null, CancellationToken.None)));

        Assert.Equal($"setting {flag} in ConfigMap platform-flags: changed by someone else meanwhile, so nothing was changed; look again and retry", failed.Message);
        Assert.Equal("someone else's", Cluster.ConfigValue(Ns, Map, flag));
    }

    [Fact]
    public async Task A_missing_configmap_is_not_found()
    {
        await using var services = platform.Services(s => s["Targets:flags-cm:ConfigMap"] = "no-such-map");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            Executors.Of(services, "set-flag").ApplyAsync(new SetFlagAction("flags-cm", "TOP_K", "10"), null, CancellationToken.None));

        Assert.Equal($"reading ConfigMap no-such-map in namespace {Ns}: not found (configmaps \"no-such-map\" not found)", failed.Message);
    }

    [Fact]
    public async Task A_kubernetes_target_without_a_configmap_says_which_setting_is_missing()
    {
        await using var services = platform.Services();

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            Executors.Of(services, "set-flag").ApplyAsync(new SetFlagAction("cluster", "TOP_K", "10"), null, CancellationToken.None));

        Assert.Equal("target 'cluster' has no ConfigMap: set Targets:cluster:ConfigMap to the ConfigMap the platform reads its flags from", failed.Message);
    }
}
