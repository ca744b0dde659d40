using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using static ChatOps.Targets.Tests.Simulated.Drills;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary><c>drill</c> in chat: the list, a drill marked as one wherever it shows, and the ordinary flow after it.</summary>
public sealed class DrillFlowTests
{
    [Fact]
    public async Task Drill_alone_lists_the_scenarios_privately_with_a_button_for_each()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());

        var listed = await chat.SayAsync(Alice, "drill");

        var answer = Assert.Single(listed.Messages);
        Assert.Equal(Core.Chat.Audience.Requester, answer.Audience);
        var table = answer.Message.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(Scenarios.Select(s => s.Id), table.Rows.Select(r => r[0]));
        Assert.Contains(["gpu-saturation", "high-latency", "GPU saturation and a long vLLM queue during a traffic peak"], table.Rows);
        Assert.Equal(Scenarios.Select(s => $"drill {s.Id}"), MessageText.Buttons(answer.Message).Select(b => b.Value));
        Assert.Empty(await chat.Store.ListOpenAsync(null, default));

        var unknown = await chat.SayAsync(Alice, "drill gpu");
        Assert.Equal(CommandErrorCode.UnknownScenario, unknown.Error!.Code);
        Assert.Contains("The scenarios are empty-retrievals, gateway-5xx-spike, gpu-saturation", unknown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_is_marked_everywhere_and_plays_the_ordinary_flow_to_its_postmortem()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());

        var drill = await StartAsync(chat, "gpu-saturation");

        Assert.True(drill.IsDrill);
        var root = chat.Chat.Posts.First(p => p.Kind == PostKind.Message && p.Place.Thread is null);
        Assert.Equal($"{drill.Id} · SEV3 · [DRILL] GPU saturation and a long vLLM queue during a traffic peak", root.Message.Blocks.OfType<HeaderBlock>().First().Text);
        var thread = chat.Chat.Posts.Where(p => p.Place.Thread == drill.Place.Thread).Select(p => MessageText.Of(p.Message)).ToList();
        Assert.Contains("is a drill, declared by <@U-ALICE>: scenario gpu-saturation plays runbook High latency / GPU saturation", thread[0], StringComparison.Ordinal);
        Assert.Contains(thread, t => t.Contains("Is GPU utilization > 90%? → Yes", StringComparison.Ordinal) && t.Contains("gpu-utilization: value = 94.25", StringComparison.Ordinal));
        var declared = (await chat.Store.TimelineAsync(drill.Id, default))[0];
        Assert.Equal("Drill declared at SEV3 against scenario gpu-saturation: GPU saturation and a long vLLM queue during a traffic peak", declared.Text);

        // The ordinary flow: nobody approves their own request; a second person does; a revert; resolve; postmortem.
        var thread0 = drill.Place.Thread;
        await chat.SayAsync(Alice, $"mitigate {drill.Id} high-latency/scale-inference", thread0);
        Assert.Equal(CommandErrorCode.NotAllowed, (await chat.SayAsync(Alice, "approve MIT-1", thread0)).Error?.Code);
        Assert.Null((await chat.SayAsync(Approver, "approve MIT-1", thread0)).Error);
        Assert.Null((await chat.SayAsync(Alice, "revert MIT-1", thread0)).Error);
        Assert.Null((await chat.SayAsync(Approver, "approve MIT-2", thread0)).Error);
        Assert.Null((await chat.SayAsync(Alice, "resolve scaled up, then reverted", thread0)).Error);

        var list = MessageText.Of((await chat.SayAsync(Alice, "list")).Messages.Single().Message);
        Assert.Contains("No open incidents", list, StringComparison.Ordinal);
        var timeline = MessageText.Of((await chat.SayAsync(Alice, "timeline", thread0)).Messages.Single().Message);
        Assert.Contains($"Timeline of {drill.Id} (drill of gpu-saturation)", timeline, StringComparison.Ordinal);
        var postmortem = (await chat.SayAsync(Alice, "postmortem", thread0)).Messages.Single().Message.Blocks.OfType<AttachmentBlock>().Single();
        Assert.Equal("Incident Report: [DRILL] GPU saturation and a long vLLM queue during a traffic peak", postmortem.Title);
        Assert.StartsWith("# Incident Report: [DRILL] GPU saturation", postmortem.Content, StringComparison.Ordinal);
        Assert.Contains("- **Drill**: played against scenario gpu-saturation; nothing real was touched", postmortem.Content, StringComparison.Ordinal);
        Assert.Contains("MIT-1 Scale up inference pool executed: replicas 4 → replicas 6", postmortem.Content, StringComparison.Ordinal);
        Assert.Equal(0, tripwire.Connections);
    }

    [Fact]
    public async Task Open_drills_show_in_list_as_drills()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());
        await StartAsync(chat, "empty-retrievals");

        var list = MessageText.Of((await chat.SayAsync(Alice, "list")).Messages.Single().Message);

        Assert.Contains("[DRILL] Falling eval scores with empty retrievals", list, StringComparison.Ordinal);
    }
}
