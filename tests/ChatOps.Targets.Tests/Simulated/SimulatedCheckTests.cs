using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Targets.Simulated;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Targets.Tests.Simulated.Drills;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary>A drill's checks read the scenario's answers through the real readers: same grades, no-data, redaction and cuts.</summary>
public sealed class SimulatedCheckTests
{
    private static readonly RunbookCatalog Runbooks = new(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks);

    [Fact]
    public void Every_check_and_mitigation_kind_the_real_targets_serve_is_simulated()
    {
        var services = new ServiceCollection().AddChatOpsTargets(new ConfigurationBuilder().Build());
        var real = services.Where(d => d.ServiceType == typeof(ICheckExecutor)).Select(d => d.ImplementationType!.Name).ToList();
        Assert.Equal(real.Count, SimulatedTargets.CheckKinds.Count);
        var simulated = new SimulatedTargets(new InMemoryMitigationStore(), Runbooks, TimeProvider.System);
        var scenario = Scenarios[0];
        var drill = TestIncidents.Drill(scenario.Id);
        foreach (var kind in SimulatedTargets.CheckKinds) Assert.Equal(kind, simulated.Check(drill, scenario, kind)!.Kind);
        foreach (var kind in new[] { "scale", "set-flag", "block", "rollback" }) Assert.Equal(kind, simulated.Mitigation(drill, scenario, kind)!.Kind);
        Assert.Equal(4, services.Count(d => d.ServiceType == typeof(Core.Mitigations.IMitigationExecutor)));
    }

    [Fact]
    public async Task An_answer_comes_after_its_delay_and_an_http_checks_latency_is_that_delay()
    {
        var time = new FakeTimeProvider();
        var scenario = Load("vllm-health: { delay: 1500ms, http: { status: 200 } }");
        var runbook = Runbooks.Find("high-latency")!;
        var executor = new SimulatedTargets(new InMemoryMitigationStore(), Runbooks, time).Check(TestIncidents.Drill(scenario.Id), scenario, "http")!;

        var answer = executor.ExecuteAsync(runbook.FindCheck("vllm-health")!, default);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var observation = await answer;
        Assert.Equal(1500, observation.Values["latency_ms"].Number);
        Assert.Equal("200 OK in 1500 ms", observation.Summary);
        // vllm-health warns above 1000 ms, read from the same observation.
        Assert.Equal(new HttpReply(200, ""), observation.Reply);
    }

    [Fact]
    public async Task A_drill_posts_its_findings_redacted_cut_and_graded_as_a_real_target_would()
    {
        var scenario = Load($$"""
            gpu-utilization: { prometheus: [] }
            vllm-errors:
              logs:
                vllm-0: ['2026-03-12T14:00:00Z ERROR auth failed for API key {{PlatformData.LeakedKey}}: 401 from provider']
            """);
        await using var tripwire = new Tripwire();
        await using var chat = Conversation(tripwire.TargetSettings(), scenarios: [WithoutDelays(scenario)]);
        var drill = await StartAsync(chat, scenario.Id);

        // Logs without thresholds grade ok and are not findings; a check asked for by name is posted whatever its grade.
        await chat.SayAsync(Alice, $"check {drill.Id} vllm-errors");
        await chat.SayAsync(Alice, $"run {drill.Id} cost-spike");

        var posted = string.Join("\n", chat.Chat.Posts.Select(p => MessageText.Of(p.Message)));
        Assert.DoesNotContain(PlatformData.LeakedKey, posted, StringComparison.Ordinal);
        Assert.Contains("REDACTED", posted, StringComparison.Ordinal);
        Assert.Contains("ERROR · GPU utilization (average over the pool, %): no data: the query returned no series", posted, StringComparison.Ordinal);
        // Checks of another runbook are not the scenario's to answer.
        var other = (await chat.Store.TimelineAsync(drill.Id, default)).Where(e => e.Kind == TimelineKind.CheckRan && e.Details["runbook"] == "cost-spike").ToList();
        Assert.All(other, e => Assert.Contains("answers only the checks of runbook high-latency", e.Text, StringComparison.Ordinal));
        Assert.Equal(0, tripwire.Connections);
    }

    [Fact]
    public async Task Rows_beyond_max_rows_are_cut_as_on_the_database()
    {
        var scenario = Scenarios.Single(s => s.Id == "spend-spike-one-user");
        var rows = Enumerable.Range(1, 12).Select(i => (IReadOnlyList<ReplyCell>)[ReplyCell.Of($"u-{i}"), ReplyCell.Of(i), ReplyCell.Of(100.0 / i)]).ToList();
        var answers = scenario.Answers.ToDictionary(a => a.Key, a => a.Value);
        answers["top-users"] = new ScenarioAnswer(new PostgresReply(["user_id", "requests", "cost_usd"], rows), TimeSpan.Zero);
        var executor = new SimulatedTargets(new InMemoryMitigationStore(), Runbooks, TimeProvider.System)
            .Check(TestIncidents.Drill(scenario.Id), scenario with { Answers = answers }, "postgres")!;

        var observation = await executor.ExecuteAsync(Runbooks.Find("cost-spike")!.FindCheck("top-users")!, default);

        Assert.Equal("first 10 rows (max-rows); the query has more", observation.Summary);
        Assert.Equal(10, observation.Table!.Rows.Count);
        Assert.Equal(["u-1", "1", "100"], observation.Table.Rows[0]);
    }

    /// <summary>The gpu-saturation scenario with some answers replaced, as YAML lines under <c>answers:</c>.</summary>
    private static Scenario Load(params string[] replaced)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Scenarios, "gpu-saturation.yaml")).Replace("id: gpu-saturation", "id: test-drill", StringComparison.Ordinal);
        var lines = text.Split('\n').ToList();
        // Each unindented line starts the answer of one check, which replaces that check's answer in the file.
        var answers = string.Join('\n', replaced).Split('\n').Aggregate(new List<List<string>>(), (all, line) =>
        {
            if (!line.StartsWith(' ')) all.Add([]);
            all[^1].Add(line);
            return all;
        });
        foreach (var answer in answers)
        {
            var check = answer[0].Split(':')[0];
            var start = lines.FindIndex(l => l.StartsWith($"  {check}:", StringComparison.Ordinal));
            var end = lines.FindIndex(start + 1, l => l.Length > 2 && l[2] != ' ' && l[2] != '#' || l.Length > 0 && l[0] != ' ');
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, answer.Select(l => "  " + l));
        }
        var loaded = ScenarioLoader.LoadText(string.Join('\n', lines), "test-drill.yaml", Runbooks);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Scenarios[0];
    }
}
