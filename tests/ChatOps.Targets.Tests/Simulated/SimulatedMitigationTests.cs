using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using static ChatOps.Targets.Tests.Simulated.Drills;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary>A drill's mitigations change the scenario's state through the ordinary approval flow, and revert it as a real target's are.</summary>
public sealed class SimulatedMitigationTests
{
    [Fact]
    public async Task A_revert_is_refused_once_the_state_moved_on_and_the_state_outlives_a_restart()
    {
        await using var tripwire = new Tripwire();
        var store = new InMemoryIncidentStore();
        var requests = new InMemoryMitigationStore();
        Core.Incidents.Incident drill;
        await using (var chat = Conversation(tripwire.TargetSettings(), store, requests))
        {
            drill = await StartAsync(chat, "gpu-saturation");
            await chat.SayAsync(Alice, $"mitigate {drill.Id} high-latency/scale-inference");
            Assert.Contains("replicas 4 → replicas 6", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
            await chat.SayAsync(Approver, "approve MIT-1");
            await chat.SayAsync(Alice, $"mitigate {drill.Id} high-latency/scale-inference");
            await chat.SayAsync(Approver, "approve MIT-2");
            Assert.Equal("replicas 8", (await requests.FindAsync(2, default))!.After!.Description);

            await chat.SayAsync(Alice, "revert MIT-1");
            await chat.SayAsync(Approver, "approve MIT-3");
            var refused = (await requests.FindAsync(3, default))!;
            Assert.Equal(RequestStatus.Failed, refused.Status);
            Assert.Equal("the target changed since MIT-1 ran: it left replicas 6, it is now replicas 8", refused.Error);
        }

        // A restarted bot (or another replica) reads the drill's state from the recorded mitigations.
        await using (var chat = Conversation(tripwire.TargetSettings(), store, requests))
        {
            await chat.SayAsync(Alice, "revert MIT-2");
            Assert.Contains("replicas 8 → replicas 6", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
            await chat.SayAsync(Approver, "approve MIT-4");
            await chat.SayAsync(Alice, "revert MIT-1");
            await chat.SayAsync(Approver, "approve MIT-5");
            Assert.Equal("replicas 4", (await requests.FindAsync(5, default))!.After!.Description);
            Assert.Equal(RequestStatus.Reverted, (await requests.FindAsync(1, default))!.Status);
        }
        Assert.Equal(0, tripwire.Connections);
    }

    [Fact]
    public async Task A_scale_stays_within_max_replicas_and_a_rollback_runs_the_previous_image_as_a_new_revision()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());
        var drill = await StartAsync(chat, "gateway-5xx-spike");

        await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/rollback-gateway");
        await chat.SayAsync(Approver, "approve MIT-1");
        Assert.Equal("image ghcr.io/acme/api-gateway:1.15.0 → image ghcr.io/acme/api-gateway:1.14.2",
            $"{(await chat.Requests.FindAsync(1, default))!.Before!.Description} → {(await chat.Requests.FindAsync(1, default))!.After!.Description}");
        // Undoing the undo runs 1.15.0 again, as kubectl rollout undo would.
        await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/rollback-gateway");
        await chat.SayAsync(Approver, "approve MIT-2");
        Assert.Equal("image ghcr.io/acme/api-gateway:1.15.0", (await chat.Requests.FindAsync(2, default))!.After!.Description);

        // vllm runs 4 of at most 12 replicas: +2 four times is 12, a fifth is refused before anyone approves it.
        for (var i = 0; i < 4; i++)
        {
            await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/scale-inference");
            await chat.SayAsync(Approver, $"approve MIT-{3 + i}");
        }
        Assert.Equal("replicas 12", (await chat.Requests.FindAsync(6, default))!.After!.Description);
        var refused = await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/scale-inference");
        Assert.Contains("14 replicas is above the maximum of 12", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_keeps_a_stronger_block_already_there_and_a_flag_restores_its_old_value()
    {
        await using var tripwire = new Tripwire();
        var scenario = Scenarios.Single(s => s.Id == "spend-spike-one-user");
        scenario = scenario with { State = scenario.State with { Blocked = ["u-0193"] } };
        await using var chat = Conversation(tripwire.TargetSettings(), scenarios: [scenario]);
        var drill = await StartAsync(chat, scenario.Id);

        await chat.SayAsync(Alice, $"mitigate {drill.Id} cost-spike/block-suspicious-users u-0193");
        await chat.SayAsync(Approver, "approve MIT-1");
        await chat.SayAsync(Alice, $"mitigate {drill.Id} cost-spike/increase-cache-ttl");
        await chat.SayAsync(Approver, "approve MIT-2");
        await chat.SayAsync(Alice, "revert MIT-2");
        await chat.SayAsync(Approver, "approve MIT-3");

        var block = (await chat.Requests.FindAsync(1, default))!;
        Assert.Equal(("u-0193 blocked with no expiry", "u-0193 blocked with no expiry"), (block.Before!.Description, block.After!.Description));
        Assert.Equal(("CACHE_TTL=600", "CACHE_TTL=3600"), ((await chat.Requests.FindAsync(2, default))!.Before!.Description, (await chat.Requests.FindAsync(2, default))!.After!.Description));
        Assert.Equal("CACHE_TTL=600", (await chat.Requests.FindAsync(3, default))!.After!.Description);
    }
}
