using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using ChatOps.TestKit;
using Microsoft.Extensions.Configuration;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Targets.Tests.Runbooks;

/// <summary>
/// "run" end to end: the command in an incident thread, the real executors against the real servers, and what
/// lands in the thread and on the timeline.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RunbookInThreadTests(PlatformFixture platform)
{
    private Conversation NewConversation(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = platform.TargetSettings();
        change?.Invoke(settings);
        return new(approvers: ["U-APPROVER"], configure: services =>
            services.AddChatOpsTargets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    private static List<string> Thread(Conversation chat, Core.Incidents.Incident incident) =>
        [.. chat.Chat.Posts.Where(p => p.Kind == PostKind.Message && p.Place.Thread == incident.Place.Thread).Select(p => MessageText.Of(p.Message))];

    [Fact]
    public async Task The_gpu_saturation_tree_is_answered_from_prometheus_and_ends_at_the_seed_mitigations()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 chat latency");

        Assert.Null((await chat.SayAsync("U-ALICE", "run high-latency", incident.Place.Thread)).Error);

        var thread = Thread(chat, incident);
        // Findings that land together share a post, and the last ones may share the decision's.
        Assert.Contains(thread, t => t.Contains("CRITICAL · GPU utilization (average", StringComparison.Ordinal) && t.Contains("avg(DCGM_FI_DEV_GPU_UTIL", StringComparison.Ordinal));
        Assert.DoesNotContain(thread, t => t.Contains("OK · ", StringComparison.Ordinal));
        var answered = Assert.Single(thread, t => t.Contains("Is GPU utilization > 90%? → Yes", StringComparison.Ordinal));
        Assert.Contains("gpu-utilization: value = 94.6667", answered, StringComparison.Ordinal);
        var recommendation = thread[^1];
        Assert.Contains("Scale up inference pool", recommendation, StringComparison.Ordinal);
        Assert.Contains("Enable overflow routing", recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_block_form_offers_todays_top_spenders_and_blocks_the_one_chosen_in_redis()
    {
        // The block writes to the mitigations' own Redis, so that the checks' blocklist count stays as seeded.
        await using var chat = NewConversation(s => s["Targets:platform-redis:ConnectionString"] = platform.MitigationRedis.MitigationConnectionString);
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 spend spike");
        await chat.SayAsync("U-ALICE", "run cost-spike", incident.Place.Thread);
        // A fresh Prometheus knows no traffic from last week, so a person says traffic is not normal; spend then decides.
        Assert.Null((await chat.SayAsync("U-ALICE", $"answer {incident.Id} cost-spike traffic-normal no", incident.Place.Thread)).Error);

        var block = MessageText.Buttons(chat.Chat.Posts.Last(p => p.Kind == PostKind.Message).Message).Single(b => b.Label == "Request: Block suspicious users");
        Assert.Equal(["alice", "mallory", "eve", "bob"], block.Form!.Fields.Single().Choices);
        Assert.Null((await chat.SubmitFormAsync("U-ALICE", block, "mallory")).Error);
        Assert.Null((await chat.SayAsync("U-APPROVER", "approve MIT-1", incident.Place.Thread)).Error);

        Assert.Equal("1", await platform.MitigationRedis.Admin.GetDatabase().StringGetAsync("blocked:mallory"));
    }

    [Fact]
    public async Task Security_checks_post_their_findings_with_every_leaked_secret_redacted()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 possible exfiltration");

        await chat.SayAsync("U-ALICE", "run security-incident", incident.Place.Thread);

        var posted = string.Join("\n", Thread(chat, incident));
        Assert.DoesNotContain(PlatformData.LeakedKey, posted, StringComparison.Ordinal);
        Assert.DoesNotContain(PlatformPods.LoggedKey, posted, StringComparison.Ordinal);
        Assert.Contains("REDACTED", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_up_inference_pool_goes_requested_approved_executed_reverted_in_the_fake_cluster()
    {
        // A namespace of its own, so that no other test's vllm deployment is touched.
        const string Namespace = "llm-e2e";
        platform.Kubernetes.Workloads.AddDeployment(Namespace, "vllm", 4, "vllm/vllm-openai:v0.6.3");
        await using var chat = NewConversation(s => s["Targets:cluster:Namespace"] = Namespace);
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 chat latency");
        await chat.SayAsync("U-ALICE", "run high-latency", incident.Place.Thread);

        var request = MessageText.Buttons(chat.Chat.Posts.Last().Message).Single(b => b.Label == "Request: Scale up inference pool");
        await chat.ClickAsync("U-ALICE", request, incident.Place.Thread);
        Assert.Contains("replicas 4 → replicas 6", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
        Assert.Equal(4, platform.Kubernetes.Workloads.Replicas(Namespace, "vllm"));

        Assert.Null((await chat.SayAsync("U-APPROVER", "approve MIT-1", incident.Place.Thread)).Error);
        Assert.Equal(6, platform.Kubernetes.Workloads.Replicas(Namespace, "vllm"));

        Assert.Null((await chat.SayAsync("U-ALICE", "revert MIT-1", incident.Place.Thread)).Error);
        Assert.Null((await chat.SayAsync("U-APPROVER", "approve MIT-2", incident.Place.Thread)).Error);
        Assert.Equal(4, platform.Kubernetes.Workloads.Replicas(Namespace, "vllm"));

        var thread = string.Join("\n", Thread(chat, incident).Concat(chat.Chat.Posts.Where(p => p.Kind == PostKind.Update).Select(p => MessageText.Of(p.Message))));
        Assert.Contains("Mitigation request MIT-1", thread, StringComparison.Ordinal);
        Assert.Contains("Status: executed", thread, StringComparison.Ordinal);
        Assert.Contains("Status: reverted", thread, StringComparison.Ordinal);
        var postmortem = MessageText.Of((await chat.SayAsync("U-ALICE", "postmortem", incident.Place.Thread)).Messages.Single().Message);
        Assert.Contains("MIT-1 requested: Scale up inference pool (replicas 4 → replicas 6)", postmortem, StringComparison.Ordinal);
        Assert.Contains("MIT-1 approved by @U-APPROVER (1/1)", postmortem, StringComparison.Ordinal);
        Assert.Contains("MIT-1 Scale up inference pool executed: replicas 4 → replicas 6", postmortem, StringComparison.Ordinal);
        Assert.Contains("MIT-1 Scale up inference pool reverted by MIT-2: back to replicas 4", postmortem, StringComparison.Ordinal);
    }
}
