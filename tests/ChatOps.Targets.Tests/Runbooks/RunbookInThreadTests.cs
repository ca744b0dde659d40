using ChatOps.Targets.Tests.Fixtures;
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
    private Conversation NewConversation() => new(configure: services =>
        services.AddChatOpsTargets(new ConfigurationBuilder().AddInMemoryCollection(platform.TargetSettings()).Build()));

    private static List<string> Thread(Conversation chat, Core.Incidents.Incident incident) =>
        [.. chat.Chat.Posts.Where(p => p.Kind == PostKind.Message && p.Place.Thread == incident.Place.Thread).Select(p => MessageText.Of(p.Message))];

    [Fact]
    public async Task The_gpu_saturation_tree_is_answered_from_prometheus_and_ends_at_the_seed_mitigations()
    {
        await using var chat = NewConversation();
        var incident = await chat.DeclareAsync("U-ALICE", "sev3 chat latency");

        Assert.Null((await chat.SayAsync("U-ALICE", "run high-latency", incident.Place.Thread)).Error);

        var thread = Thread(chat, incident);
        Assert.Contains(thread, t => t.StartsWith("CRITICAL · ", StringComparison.Ordinal) && t.Contains("avg(DCGM_FI_DEV_GPU_UTIL", StringComparison.Ordinal));
        var answered = Assert.Single(thread, t => t.StartsWith("Is GPU utilization > 90%? → Yes", StringComparison.Ordinal));
        Assert.Contains("gpu-utilization: value = 94.6667", answered, StringComparison.Ordinal);
        var recommendation = thread[^1];
        Assert.Contains("Scale up inference pool", recommendation, StringComparison.Ordinal);
        Assert.Contains("Enable overflow routing", recommendation, StringComparison.Ordinal);
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
}
