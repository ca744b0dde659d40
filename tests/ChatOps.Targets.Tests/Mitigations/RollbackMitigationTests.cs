using System.Text.Json.Nodes;
using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>rollback on the <c>cluster</c> target: <c>kubectl rollout undo</c> against the fake API's deployments and ReplicaSets.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RollbackMitigationTests(PlatformFixture platform)
{
    private const string Ns = PlatformPods.Namespace;

    private FakeWorkloads Cluster => platform.Kubernetes.Workloads;

    private string Deployment(params string[] images)
    {
        var name = Executors.UniqueName("gateway");
        Cluster.AddDeployment(Ns, name, 3, images);
        return name;
    }

    private async Task<T> WithExecutorAsync<T>(Func<IMitigationExecutor, Task<T>> act)
    {
        await using var services = platform.Services();
        return await act(Executors.Of(services, "rollback"));
    }

    [Fact]
    public async Task The_previous_revisions_template_replaces_the_current_one_and_revert_rolls_forward()
    {
        var name = Deployment("gateway:1.2", "gateway:1.3", "gateway:1.4");
        var action = new RollbackAction("cluster", name);

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));

        Assert.Equal("gateway:1.3", Cluster.Image(Ns, name));
        Assert.Equal($"revision 3: {name}=gateway:1.4", applied.Before.Description);
        Assert.Equal($"template of revision 2: {name}=gateway:1.3", applied.After.Description);
        Assert.Equal("3", applied.Before.Values["revision"]);
        // The controller made revision 2's ReplicaSet the newest: revision 4, as after kubectl rollout undo.
        Assert.Equal("4", Cluster.Annotation(Ns, name, FakeWorkloads.RevisionAnnotation));
        Assert.Equal("image gateway:1.3", Cluster.Annotation(Ns, name, FakeWorkloads.ChangeCause));
        Assert.Null(Cluster.Deployment(Ns, name)!["spec"]!["template"]!["metadata"]!["labels"]!["pod-template-hash"]);

        var reverted = await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
        Assert.Equal("image gateway:1.4", Cluster.Annotation(Ns, name, FakeWorkloads.ChangeCause));
        Assert.Equal("5", Cluster.Annotation(Ns, name, FakeWorkloads.RevisionAnnotation));
        Assert.Equal($"revision 4: {name}=gateway:1.3", reverted.Before.Description);
        Assert.Equal($"template of revision 3: {name}=gateway:1.4", reverted.After.Description);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(applied.Before.Values["template"]), Template(name)));
    }

    [Fact]
    public async Task The_write_is_one_json_patch_conditional_on_the_version_read()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        var version = (string)Cluster.Deployment(Ns, name)!["metadata"]!["resourceVersion"]!;

        await WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None));

        var write = Assert.Single(platform.Kubernetes.Writes, w => w.Path.Contains(name, StringComparison.Ordinal));
        Assert.Equal(("PATCH", $"/apis/apps/v1/namespaces/{Ns}/deployments/{name}"), (write.Method, write.Path));
        Assert.StartsWith("application/json-patch+json", write.ContentType, StringComparison.Ordinal);
        var operations = JsonNode.Parse(write.Body)!.AsArray();
        Assert.Equal(["replace /metadata/resourceVersion", "replace /spec/template", "add /metadata/annotations"],
            operations.Select(o => $"{o!["op"]} {o["path"]}"));
        Assert.Equal(version, (string?)operations[0]!["value"]);
    }

    [Fact]
    public async Task Replica_sets_the_deployment_does_not_control_are_not_its_history()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        Cluster.AddForeignReplicaSet(Ns, name, 9, "gateway:canary");

        await WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None));

        Assert.Equal("gateway:1.3", Cluster.Image(Ns, name));
    }

    [Fact]
    public async Task Preview_shows_the_current_and_the_previous_revision_and_changes_nothing()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");

        var preview = await WithExecutorAsync(e => e.PreviewAsync(new RollbackAction("cluster", name), null, CancellationToken.None));

        Assert.Equal($"revision 2: {name}=gateway:1.4", preview.Current.Description);
        Assert.Equal($"template of revision 1: {name}=gateway:1.3", preview.Planned);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
        Assert.DoesNotContain(platform.Kubernetes.Writes, w => w.Path.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_previous_revision_it_is_refused()
    {
        var name = Deployment("gateway:1.4");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None)));

        Assert.Equal($"deployment {name} has no previous revision to roll back to (only revision 1)", failed.Message);
    }

    [Fact]
    public async Task A_paused_deployment_is_refused()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        Cluster.Pause(Ns, name);

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None)));

        Assert.Equal($"deployment {name} is paused; resume it (kubectl rollout resume) before rolling it back or forward", failed.Message);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
    }

    [Fact]
    public async Task A_refused_patch_changes_nothing()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        using var forbidden = platform.Kubernetes.Fail("PATCH", $"/deployments/{name}", 403, $"deployments.apps \"{name}\" is forbidden");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None)));

        Assert.Equal($"rolling deployment {name} back to revision 1: forbidden (deployments.apps \"{name}\" is forbidden); the bot's role needs the RBAC in the Targets README", failed.Message);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
        Assert.Equal("2", Cluster.Annotation(Ns, name, FakeWorkloads.RevisionAnnotation));
    }

    [Fact]
    public async Task A_deploy_between_read_and_write_is_a_conflict_and_is_kept()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        using var other = platform.Kubernetes.ChangeAfter("GET", $"/deployments/{name}", c => c.SetReplicas(Ns, name, 5));

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None)));

        Assert.EndsWith("changed by someone else meanwhile, so nothing was changed; look again and retry", failed.Message, StringComparison.Ordinal);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
        Assert.Equal(5, Cluster.Replicas(Ns, name));
    }

    [Fact]
    public async Task Listing_replica_sets_refused_is_a_clear_failure()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        using var forbidden = platform.Kubernetes.Fail("GET", "/replicasets", 403, "replicasets.apps is forbidden: User \"system:serviceaccount:llm:chatops\" cannot list resource \"replicasets\"");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", name), null, CancellationToken.None)));

        Assert.StartsWith($"listing the ReplicaSets of deployment {name} in namespace {Ns}: forbidden", failed.Message, StringComparison.Ordinal);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
    }

    [Fact]
    public async Task Revert_when_the_recorded_template_already_runs_writes_nothing()
    {
        var name = Deployment("gateway:1.3", "gateway:1.4");
        var action = new RollbackAction("cluster", name);
        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));
        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));
        var writes = platform.Kubernetes.Writes.Count;

        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.Equal(writes, platform.Kubernetes.Writes.Count);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, name));
    }

    [Fact]
    public async Task A_missing_deployment_is_not_found()
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new RollbackAction("cluster", "no-such-gateway"), null, CancellationToken.None)));

        Assert.Equal($"reading deployment no-such-gateway in namespace {Ns}: not found (deployments.apps \"no-such-gateway\" not found)", failed.Message);
    }

    private JsonNode Template(string name)
    {
        var template = Cluster.ReplicaSets(Ns).Single(rs => (string?)rs["metadata"]!["annotations"]![FakeWorkloads.RevisionAnnotation] == "5"
            && (string?)rs["metadata"]!["ownerReferences"]![0]!["name"] == name)["spec"]!["template"]!.DeepClone();
        template["metadata"]!["labels"]!.AsObject().Remove("pod-template-hash");
        return template;
    }
}
