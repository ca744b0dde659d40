using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using static ChatOps.Targets.Tests.Simulated.Drills;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary>
/// A drill sees only its scenario: every target the runbooks name is configured, and leads to a tripwire that counts
/// each connection made to it. Whole drills (runs, mitigations, reverts) make none; a real incident's check makes one.
/// </summary>
public sealed class DrillTargetsTests
{
    [Fact]
    public async Task Every_shipped_drill_runs_and_mitigates_without_reaching_a_configured_target()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());
        foreach (var scenario in Scenarios)
        {
            var drill = await StartAsync(chat, scenario.Id);

            foreach (var (node, yes) in scenario.Questions)
                await chat.SayAsync(Alice, $"answer {drill.Id} {scenario.Runbook} {node} {(yes ? "yes" : "no")}");
            foreach (var expected in scenario.Expect.Mitigations)
            {
                var request = await ApproveAsync(chat, $"mitigate {drill.Id} {scenario.Runbook}/{expected.Mitigation} {expected.Subject}".TrimEnd());
                Assert.Equal(expected.After, request.After!.Description);
                var revert = await ApproveAsync(chat, $"revert {request.Name}");
                Assert.Equal(expected.Reverted, revert.After!.Description);
            }

            var grades = (await chat.Store.TimelineAsync(drill.Id, default)).Where(e => e.Kind == TimelineKind.CheckRan)
                .ToDictionary(e => e.Details["check"], e => e.Details["grade"][5..], StringComparer.Ordinal);
            Assert.Equal(scenario.Expect.Grades.ToDictionary(g => g.Check, g => g.Grade.ToString().ToLowerInvariant(), StringComparer.Ordinal), grades);
        }
        Assert.Equal(0, tripwire.Connections);

        // The same conversation's real incident does reach the configured target: the tripwire would have seen a drill's.
        var real = await chat.DeclareAsync(Alice, "sev3 a real one");
        await chat.SayAsync(Alice, "check gpu-utilization", real.Place.Thread);
        Assert.True(tripwire.Connections > 0);
    }

    [Fact]
    public async Task A_drill_of_a_scenario_that_is_not_loaded_runs_nothing_at_all()
    {
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings());
        var drill = await StoreAsync(chat, "no-such-scenario");

        await chat.SayAsync(Alice, $"run {drill.Id} high-latency");
        var refused = await chat.SayAsync(Alice, $"mitigate {drill.Id} high-latency/scale-inference");

        var ran = (await chat.Store.TimelineAsync(drill.Id, default)).Where(e => e.Kind == TimelineKind.CheckRan).ToList();
        Assert.Equal(11, ran.Count);
        Assert.All(ran, e => Assert.Contains("drill scenario 'no-such-scenario' is not loaded here", e.Text, StringComparison.Ordinal));
        Assert.Contains("No executor for 'scale' mitigations", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, tripwire.Connections);
    }

    /// <summary>Requests (or reverts) as Alice, approves as many times as it needs; returns the request as it ended.</summary>
    private static async Task<MitigationRequest> ApproveAsync(Conversation chat, string command)
    {
        Assert.Null((await chat.SayAsync(Alice, command)).Error);
        var request = (await chat.Requests.ListPendingAsync(default)).Single();
        foreach (var approver in new[] { Approver, SecondApprover }.Take(request.RequiredApprovals))
            Assert.Null((await chat.SayAsync(approver, $"approve {request.Name}")).Error);
        var done = (await chat.Requests.FindAsync(request.Id, default))!;
        Assert.True(done.Status == RequestStatus.Executed, $"{done.Name} is {done.Status}: {done.Error}");
        return done;
    }
}
