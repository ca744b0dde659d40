using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Mitigations;

[Collection(PlatformCollection.Name)]
public sealed class ScaleMitigationTests(PlatformFixture platform)
{
    private const string Ns = PlatformPods.Namespace;

    private FakeWorkloads Cluster => platform.Kubernetes.Workloads;

    private string Deployment(int replicas)
    {
        var name = Executors.UniqueName("vllm");
        Cluster.AddDeployment(Ns, name, replicas, "vllm/vllm-openai:v0.6.3");
        return name;
    }

    private async Task<T> WithExecutorAsync<T>(Func<IMitigationExecutor, Task<T>> act, Action<Dictionary<string, string?>>? change = null)
    {
        await using var services = platform.Services(change);
        return await act(Executors.Of(services, "scale"));
    }

    [Fact]
    public async Task Plus_two_scales_4_to_6_and_revert_restores_exactly_4()
    {
        var name = Deployment(4);
        var action = new ScaleAction("cluster", name, "+2");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));

        Assert.Equal(6, Cluster.Replicas(Ns, name));
        Assert.Equal("replicas 4", applied.Before.Description);
        Assert.Equal("4", applied.Before.Values["replicas"]);
        Assert.Equal("replicas 6", applied.After.Description);

        var reverted = await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.Equal(4, Cluster.Replicas(Ns, name));
        Assert.Equal("replicas 6", reverted.Before.Description);
        Assert.Equal("replicas 4", reverted.After.Description);
    }

    [Fact]
    public async Task The_write_is_a_merge_patch_of_the_scale_subresource_conditional_on_the_version_read()
    {
        var name = Deployment(4);
        var version = (string)Cluster.Deployment(Ns, name)!["metadata"]!["resourceVersion"]!;

        await WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+2"), null, CancellationToken.None));

        var write = Assert.Single(platform.Kubernetes.Writes, w => w.Path.Contains(name, StringComparison.Ordinal));
        Assert.Equal("PATCH", write.Method);
        Assert.Equal($"/apis/apps/v1/namespaces/{Ns}/deployments/{name}/scale", write.Path);
        Assert.StartsWith("application/merge-patch+json", write.ContentType, StringComparison.Ordinal);
        Assert.Equal($$$"""{"metadata":{"resourceVersion":"{{{version}}}"},"spec":{"replicas":6}}""", write.Body);
    }

    [Theory]
    [InlineData("6", 6)]
    [InlineData("-1", 3)]
    [InlineData("0", 0)]
    public async Task Absolute_and_downward_counts_are_set(string replicas, int expected)
    {
        var name = Deployment(4);

        var applied = await WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, replicas), null, CancellationToken.None));

        Assert.Equal(expected, Cluster.Replicas(Ns, name));
        Assert.Equal($"replicas {expected}", applied.After.Description);
    }

    [Fact]
    public async Task Preview_reads_the_live_count_and_changes_nothing()
    {
        var name = Deployment(4);
        var writes = platform.Kubernetes.Writes.Count;

        var preview = await WithExecutorAsync(e => e.PreviewAsync(new ScaleAction("cluster", name, "+2"), null, CancellationToken.None));

        Assert.Equal("replicas 4", preview.Current.Description);
        Assert.Equal("replicas 6", preview.Planned);
        Assert.Equal(4, Cluster.Replicas(Ns, name));
        Assert.Equal(writes, platform.Kubernetes.Writes.Count);
    }

    [Fact]
    public async Task Above_the_targets_maximum_is_refused_and_nothing_changes()
    {
        var name = Deployment(4);
        void Max8(Dictionary<string, string?> s) => s["Targets:cluster:MaxReplicas"] = "8";

        var preview = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.PreviewAsync(new ScaleAction("cluster", name, "+5"), null, CancellationToken.None), Max8));
        var apply = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "9"), null, CancellationToken.None), Max8));

        Assert.Equal($"deployment {name}: 9 replicas is above the maximum of 8 for target 'cluster' (MaxReplicas)", preview.Message);
        Assert.Equal(preview.Message, apply.Message);
        Assert.Equal(4, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task The_default_maximum_is_20()
    {
        var name = Deployment(19);

        await WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+1"), null, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+1"), null, CancellationToken.None)));

        Assert.Contains("above the maximum of 20", refused.Message, StringComparison.Ordinal);
        Assert.Equal(20, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task Scaling_down_from_above_the_maximum_is_allowed()
    {
        var name = Deployment(12);

        await WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "-1"), null, CancellationToken.None),
            s => s["Targets:cluster:MaxReplicas"] = "8");

        Assert.Equal(11, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task Below_zero_is_refused()
    {
        var name = Deployment(2);

        var refused = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "-3"), null, CancellationToken.None)));

        Assert.Equal($"deployment {name} has 2 replicas; -3 would leave -1, below 0", refused.Message);
        Assert.Equal(2, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task A_change_by_someone_else_between_read_and_write_is_a_conflict_and_is_kept()
    {
        var name = Deployment(4);
        using var autoscaler = platform.Kubernetes.ChangeAfter("GET", $"/deployments/{name}/scale", c => c.SetReplicas(Ns, name, 5));

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+2"), null, CancellationToken.None)));

        Assert.Equal($"scaling deployment {name} in namespace {Ns}: changed by someone else meanwhile, so nothing was changed; look again and retry", failed.Message);
        Assert.Equal(5, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task A_refused_patch_fails_with_the_apis_reason_and_changes_nothing()
    {
        var name = Deployment(4);
        using var forbidden = platform.Kubernetes.Fail("PATCH", $"/deployments/{name}/scale", 403,
            $"deployments.apps \"{name}\" is forbidden: User \"system:serviceaccount:llm:chatops\" cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"llm\"");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+2"), null, CancellationToken.None)));

        Assert.StartsWith($"scaling deployment {name} in namespace {Ns}: forbidden (deployments.apps \"{name}\" is forbidden: User", failed.Message, StringComparison.Ordinal);
        Assert.Equal(4, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task A_server_error_on_the_write_changes_nothing()
    {
        var name = Deployment(4);
        using var broken = platform.Kubernetes.Fail("PATCH", $"/deployments/{name}/scale", 500, "etcdserver: request timed out");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", name, "+2"), null, CancellationToken.None)));

        Assert.Equal($"scaling deployment {name} in namespace {Ns}: the API answered 500 etcdserver: request timed out", failed.Message);
        Assert.Equal(4, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task A_missing_deployment_is_not_found()
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction("cluster", "nothing-here", "+2"), null, CancellationToken.None)));

        Assert.Equal($"reading the scale of deployment nothing-here in namespace {Ns}: not found (deployments.apps \"nothing-here\" not found)", failed.Message);
    }

    [Theory]
    [InlineData("dead-cluster", "cannot reach Kubernetes target 'dead-cluster': ")]
    [InlineData("nowhere", "target 'nowhere' is not configured")]
    [InlineData("platform-redis", "target 'platform-redis' is a redis target; scale needs a kubernetes target")]
    public async Task A_target_that_cannot_scale_says_why(string target, string reason)
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new ScaleAction(target, "vllm", "+2"), null, CancellationToken.None)));

        Assert.StartsWith(reason, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revert_without_a_recorded_count_is_refused()
    {
        var name = Deployment(4);
        var before = new MitigationState("replicas ?", new Dictionary<string, string>());

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.RevertAsync(new ScaleAction("cluster", name, "+2"), null, before, CancellationToken.None)));

        Assert.Equal("the recorded state has no replica count to restore (replicas ?)", failed.Message);
        Assert.Equal(4, Cluster.Replicas(Ns, name));
    }
}
