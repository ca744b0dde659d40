using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.RunbookTests;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.Targets.Tests.Mitigations;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.Configuration;
using static ChatOps.Targets.Tests.Simulated.Drills;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary>
/// <c>scenario INC-…</c>: a resolved incident written out as a scenario replays, headless as <c>test</c> plays it, to the
/// grades and the path the incident recorded, and its mitigations leave the states it expects.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ScenarioReplayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_real_incident_against_the_real_servers_replays_to_its_grades_and_path()
    {
        var ns = Executors.UniqueName("replay");
        platform.Kubernetes.Workloads.AddDeployment(ns, "vllm", 4, "vllm/vllm-openai:v0.7.3");
        var settings = platform.TargetSettings();
        settings["Targets:cluster:Namespace"] = ns;
        await using var chat = new Conversation(approvers: [Approver], configure: services =>
        {
            services.AddChatOpsTargets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddSimulatedTargets();
        });
        var incident = await chat.DeclareAsync(Alice, "sev2 chat latency");
        await chat.SayAsync(Alice, "run high-latency", incident.Place.Thread);
        await chat.SayAsync(Alice, $"mitigate {incident.Id} high-latency/scale-inference", incident.Place.Thread);
        await chat.SayAsync(Approver, "approve MIT-1", incident.Place.Thread);
        await chat.SayAsync(Alice, "resolve scaled the pool", incident.Place.Thread);

        var (scenario, yaml) = await WriteScenarioAsync(chat, incident);

        var recorded = CheckValues.Latest(await chat.Store.TimelineAsync(incident.Id, default), "high-latency");
        Assert.Equal(
            recorded.ToDictionary(r => r.Key, r => r.Value["grade"].Text!),
            scenario.Expect.Grades.ToDictionary(g => g.Check, g => g.Grade.ToString().ToLowerInvariant()));
        Assert.Contains(scenario.Expect.Grades, g => g.Grade == CheckGrade.Critical);
        Assert.Equal(["gpu-saturated: yes"], scenario.Expect.Path.Select(s => s.ToString()));
        Assert.Equal(4, scenario.State.Deployments["vllm"].Replicas);
        var scale = Assert.Single(scenario.Expect.Mitigations);
        Assert.Equal(("replicas 6", "replicas 4"), (scale.After, scale.Reverted));
        Assert.Contains("value: [", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(PlatformData.LeakedKey, yaml, StringComparison.Ordinal);

        await using var replay = Replay(scenario);
        var result = await replay.Get<ScenarioTester>().RunAsync(scenario, default);
        Assert.True(result.Passed, string.Join("\n", result.Failures) + "\n" + yaml);
    }

    [Fact]
    public async Task A_drill_written_out_replays_with_its_people_answers_rollback_and_flag()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());
        var drill = await StartAsync(chat, "gateway-5xx-spike");
        await chat.SayAsync(Alice, $"answer {drill.Id} high-error-rate recent-deploy yes", drill.Place.Thread);
        await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/rollback-gateway", drill.Place.Thread);
        await chat.SayAsync(Approver, "approve MIT-1", drill.Place.Thread);
        await chat.SayAsync(Alice, $"mitigate {drill.Id} high-error-rate/enable-fallback", drill.Place.Thread);
        await chat.SayAsync(Approver, "approve MIT-2", drill.Place.Thread);
        var refused = await chat.SayAsync(Alice, $"scenario {drill.Id}", drill.Place.Thread);
        Assert.Equal(Core.Commands.CommandErrorCode.InvalidTransition, refused.Error?.Code);
        await chat.SayAsync(Alice, "resolve rolled back", drill.Place.Thread);

        var (scenario, _) = await WriteScenarioAsync(chat, drill);

        Assert.Equal(["model-healthy: yes", "mostly-429: no", "recent-deploy: yes"], scenario.Expect.Path.Select(s => s.ToString()));
        Assert.True(scenario.Questions["recent-deploy"]);
        Assert.Equal(["rollback-gateway"], scenario.Expect.Recommend);
        Assert.Equal(
            ["ghcr.io/acme/api-gateway:1.14.2", "ghcr.io/acme/api-gateway:1.15.0"],
            scenario.State.Deployments["api-gateway"].Revisions.Select(r => r.Image));
        Assert.Equal(
            [
                ("rollback-gateway", "image ghcr.io/acme/api-gateway:1.14.2", "image ghcr.io/acme/api-gateway:1.15.0"),
                ("enable-fallback", "FALLBACK_ENABLED=true", "FALLBACK_ENABLED unset"),
            ],
            scenario.Expect.Mitigations.Select(m => (m.Mitigation, m.After, m.Reverted)));

        await using var replay = Replay(scenario);
        var result = await replay.Get<ScenarioTester>().RunAsync(scenario, default);
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Equal(0, tripwire.Connections);
    }
}
