using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using ChatOps.TestKit;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>
/// revert end to end: the core refuses a revert when the target moved on since the change, judged by the real
/// executors against the real Redis and the fake cluster. What a target changes by itself (a key's remaining expiry,
/// a deployment's revision number, resourceVersion and status) is no move; what someone else changes is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RevertThroughApprovalTests(PlatformFixture platform)
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";

    private IDatabase Redis => platform.MitigationRedis.Admin.GetDatabase();

    private FakeWorkloads Cluster => platform.Kubernetes.Workloads;

    private Conversation NewConversation(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = platform.TargetSettings();
        settings["Targets:platform-redis:ConnectionString"] = platform.MitigationRedis.MitigationConnectionString;
        change?.Invoke(settings);
        return new(approvers: [Approver], configure: services =>
            services.AddChatOpsTargets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    /// <summary>Requests and approves <paramref name="mitigation"/> as MIT-1 in a new incident.</summary>
    private static async Task<Incident> MitigateAsync(Conversation chat, string mitigation)
    {
        var incident = await chat.DeclareAsync(Alice, "sev3 revert");
        Assert.Null((await chat.SayAsync(Alice, $"mitigate {mitigation}", incident.Place.Thread)).Error);
        Assert.Null((await chat.SayAsync(Approver, "approve MIT-1", incident.Place.Thread)).Error);
        Assert.Equal(RequestStatus.Executed, (await chat.Requests.FindAsync(1, default))!.Status);
        return incident;
    }

    /// <summary>Requests and approves the revert of MIT-1 as MIT-2; returns MIT-2 as it ended.</summary>
    private static async Task<MitigationRequest> RevertAsync(Conversation chat, Incident incident)
    {
        Assert.Null((await chat.SayAsync(Alice, "revert MIT-1", incident.Place.Thread)).Error);
        await chat.SayAsync(Approver, "approve MIT-2", incident.Place.Thread);
        return (await chat.Requests.FindAsync(2, default))!;
    }

    [Fact]
    public async Task A_block_the_bot_set_is_removed_though_its_remaining_expiry_moved_on()
    {
        var user = Executors.UniqueName("abuser");
        await using var chat = NewConversation();
        var incident = await MitigateAsync(chat, $"cost-spike/block-suspicious-users {user}");
        // Approving a revert takes longer than a second: the expiry left is shown in whole seconds.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));

        var revert = await RevertAsync(chat, incident);

        Assert.True(revert.Status == RequestStatus.Executed, revert.Error);
        Assert.False(await Redis.KeyExistsAsync($"blocked:{user}"));
        Assert.Equal(RequestStatus.Reverted, (await chat.Requests.FindAsync(1, default))!.Status);
    }

    [Fact]
    public async Task A_block_whose_value_someone_else_changed_is_left_alone()
    {
        var user = Executors.UniqueName("abuser");
        await using var chat = NewConversation();
        var incident = await MitigateAsync(chat, $"cost-spike/block-suspicious-users {user}");
        await Redis.StringSetAsync($"blocked:{user}", "fraud", expiry: null, keepTtl: true);

        var revert = await RevertAsync(chat, incident);

        Assert.Equal(RequestStatus.Failed, revert.Status);
        Assert.Contains("the target changed since MIT-1 ran", revert.Error, StringComparison.Ordinal);
        Assert.Contains("(fraud)", revert.Error, StringComparison.Ordinal);
        Assert.Equal("fraud", await Redis.StringGetAsync($"blocked:{user}"));
    }

    [Fact]
    public async Task A_block_someone_else_removed_is_not_reverted()
    {
        var user = Executors.UniqueName("abuser");
        await using var chat = NewConversation();
        var incident = await MitigateAsync(chat, $"cost-spike/block-suspicious-users {user}");
        await Redis.KeyDeleteAsync($"blocked:{user}");

        var revert = await RevertAsync(chat, incident);

        Assert.Equal(RequestStatus.Failed, revert.Status);
        Assert.Contains($"it is now {user} not blocked", revert.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_someone_else_extended_is_not_cut_short_by_a_revert()
    {
        var user = Executors.UniqueName("abuser");
        await using var chat = NewConversation();
        var incident = await MitigateAsync(chat, $"cost-spike/block-suspicious-users {user}");
        await Redis.KeyExpireAsync($"blocked:{user}", TimeSpan.FromDays(7));

        var revert = await RevertAsync(chat, incident);

        Assert.Equal(RequestStatus.Failed, revert.Status);
        Assert.Contains("the target changed since MIT-1 ran", revert.Error, StringComparison.Ordinal);
        Assert.InRange((await Redis.KeyTimeToLiveAsync($"blocked:{user}"))!.Value, TimeSpan.FromDays(6), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task A_rollback_is_rolled_forward_though_the_controller_renumbered_the_revision()
    {
        const string Ns = "revert-rollback";
        Cluster.AddDeployment(Ns, "api-gateway", 3, "gateway:1.3", "gateway:1.4");
        await using var chat = NewConversation(s => s["Targets:cluster:Namespace"] = Ns);
        var incident = await MitigateAsync(chat, "high-error-rate/rollback-gateway");
        Assert.Equal("gateway:1.3", Cluster.Image(Ns, "api-gateway"));
        // An autoscaler's write moves the resourceVersion and the status, not what the deployment runs.
        Cluster.SetReplicas(Ns, "api-gateway", 5);

        var revert = await RevertAsync(chat, incident);

        Assert.True(revert.Status == RequestStatus.Executed, revert.Error);
        Assert.Equal("gateway:1.4", Cluster.Image(Ns, "api-gateway"));
    }

    [Fact]
    public async Task A_rollback_someone_else_deployed_over_is_not_rolled_forward()
    {
        const string Ns = "revert-rollback-moved";
        Cluster.AddDeployment(Ns, "api-gateway", 3, "gateway:1.3", "gateway:1.4");
        await using var chat = NewConversation(s => s["Targets:cluster:Namespace"] = Ns);
        var incident = await MitigateAsync(chat, "high-error-rate/rollback-gateway");
        Cluster.SetImage(Ns, "api-gateway", "gateway:1.5");

        var revert = await RevertAsync(chat, incident);

        Assert.Equal(RequestStatus.Failed, revert.Status);
        Assert.Contains("the target changed since MIT-1 ran", revert.Error, StringComparison.Ordinal);
        Assert.Equal("gateway:1.5", Cluster.Image(Ns, "api-gateway"));
    }

    [Fact]
    public async Task A_flag_in_a_config_map_is_restored_though_other_keys_moved_its_resource_version()
    {
        const string Ns = "revert-flags";
        Cluster.AddConfigMap(Ns, "flags", new Dictionary<string, string>());
        await using var chat = NewConversation(s =>
        {
            s.Remove("Targets:flags:ConnectionString");
            s.Remove("Targets:flags:Hash");
            (s["Targets:flags:Kind"], s["Targets:flags:Namespace"], s["Targets:flags:Server"], s["Targets:flags:ConfigMap"]) =
                ("kubernetes", Ns, platform.Kubernetes.Url, "flags");
        });
        var incident = await MitigateAsync(chat, "high-error-rate/strict-rate-limits");
        Cluster.SetConfigValue(Ns, "flags", "UNRELATED", "1");

        var revert = await RevertAsync(chat, incident);

        Assert.True(revert.Status == RequestStatus.Executed, revert.Error);
        Assert.Null(Cluster.ConfigValue(Ns, "flags", "STRICT_RATE_LIMITS"));
    }
}
