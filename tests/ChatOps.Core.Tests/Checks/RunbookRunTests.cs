using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Checks;

/// <summary>A runbook run in the thread, with executors scripted per check (the real ones are tested against real servers).</summary>
public sealed class RunbookRunTests
{
    private const string Alice = "U-ALICE";

    private static (Conversation Chat, ScriptedCheckExecutor Prometheus, ScriptedCheckExecutor Http) NewConversation()
    {
        var prometheus = new ScriptedCheckExecutor("prometheus");
        var http = new ScriptedCheckExecutor("http");
        var logs = new ScriptedCheckExecutor("kubernetes-logs");
        return (new Conversation(executors: [prometheus, http, logs]), prometheus, http);
    }

    [Fact]
    public async Task The_gpu_tree_is_answered_from_the_prometheus_result_and_ends_at_the_seed_mitigations()
    {
        var (chat, prometheus, _) = NewConversation();
        await using var _ = chat;
        prometheus.Answer("gpu-utilization", 96.5);
        var incident = await chat.DeclareAsync(Alice, "sev3 latency");

        Assert.Null((await chat.SayAsync(Alice, "run high-latency", incident.Place.Thread)).Error);

        var thread = chat.Chat.Posts.Where(p => p.Kind == PostKind.Message && p.Place.Thread == incident.Place.Thread).Select(p => MessageText.Of(p.Message)).ToList();
        var answered = Assert.Single(thread, t => t.Contains("Is GPU utilization > 90%? → Yes", StringComparison.Ordinal));
        Assert.Contains("gpu-utilization: value = 96.5, so 'value > 90' is true", answered, StringComparison.Ordinal);
        var recommendation = thread.Last();
        Assert.Contains("Scale up inference pool", recommendation, StringComparison.Ordinal);
        Assert.Contains("Enable overflow routing", recommendation, StringComparison.Ordinal);
        Assert.Contains("scale deployment vllm to replicas +2", recommendation, StringComparison.Ordinal);

        var timeline = await chat.Store.TimelineAsync(incident.Id, default);
        var runbook = chat.Get<RunbookCatalog>().Find("high-latency")!;
        Assert.Equal(runbook.Checks.Count, timeline.Count(e => e.Kind == TimelineKind.CheckRan));
        var decision = Assert.Single(timeline, e => e.Kind == TimelineKind.DecisionTaken);
        Assert.Equal("evidence", decision.Details["by"]);
        Assert.Equal("yes", decision.Details["answer"]);
    }

    [Fact]
    public async Task Below_the_thresholds_the_tree_walks_every_answered_question_to_the_advice()
    {
        var (chat, prometheus, http) = NewConversation();
        await using var _ = chat;
        prometheus.Answer("gpu-utilization", 40).Answer("queue-depth", 1);
        http.Answer("vllm-health", 1, status: 200);
        await chat.DeclareAsync(Alice, "latency");
        await chat.SayAsync(Alice, "run high-latency");

        var decisions = (await chat.Store.TimelineAsync(new IncidentId(2026, 1), default)).Where(e => e.Kind == TimelineKind.DecisionTaken).ToList();
        Assert.Equal(["gpu-saturated", "queue-high", "provider-issues"], decisions.Select(d => d.Details["node"]));
        Assert.All(decisions, d => Assert.Equal("no", d.Details["answer"]));
        Assert.Contains("load balancer", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_target_costs_only_its_own_check()
    {
        var (chat, prometheus, _) = NewConversation();
        await using var _ = chat;
        prometheus.Hang("gpu-utilization");
        await chat.DeclareAsync(Alice, "latency");
        var runbook = chat.Get<RunbookCatalog>().Find("high-latency")!;

        var run = chat.SayAsync(Alice, "run high-latency");
        // Every other result is shown while the hanging check still waits for its timeout.
        await chat.Chat.WaitUntilAsync(posts => posts.Any(p => p.Kind == PostKind.Update
            && MessageText.Of(p.Message).Contains($"{runbook.Checks.Count - 1}/{runbook.Checks.Count} checks done", StringComparison.Ordinal)));
        Assert.False(run.IsCompleted);

        chat.Time.Advance(TimeSpan.FromSeconds(10));
        await run;

        var results = chat.Chat.Posts.Where(p => p.Kind == PostKind.Message && MessageText.Of(p.Message).Contains("ERROR · ", StringComparison.Ordinal)).ToList();
        Assert.Contains("timed out after 10s", MessageText.Of(Assert.Single(results).Message), StringComparison.Ordinal);
        // Without its evidence the first question goes to people.
        var question = chat.Chat.Posts.Last().Message;
        Assert.Equal(["Yes", "No"], MessageText.Buttons(question).Select(b => b.Label));
        Assert.Contains("gpu-utilization failed", MessageText.Of(question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_is_one_message_with_the_symptoms_updated_as_results_arrive()
    {
        var (chat, _, _) = NewConversation();
        await using var _ = chat;
        await chat.DeclareAsync(Alice, "latency");
        await chat.SayAsync(Alice, "run high-latency");
        var runbook = chat.Get<RunbookCatalog>().Find("high-latency")!;

        var run = chat.Chat.Posts.Single(p => p.Kind == PostKind.Message && MessageText.Of(p.Message).Contains("checks done", StringComparison.Ordinal));
        Assert.Contains("Symptoms:", MessageText.Of(run.Message), StringComparison.Ordinal);
        Assert.Contains($"0/{runbook.Checks.Count} checks done; {runbook.Checks.Count} running", MessageText.Of(run.Message), StringComparison.Ordinal);
        var updates = chat.Chat.Posts.Where(p => p.Kind == PostKind.Update && p.MessageId == run.MessageId).ToList();
        Assert.InRange(updates.Count, 1, runbook.Checks.Count);
        Assert.Contains($"{runbook.Checks.Count}/{runbook.Checks.Count} checks done", MessageText.Of(updates[^1].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_answer_questions_with_buttons_and_each_answer_goes_on_the_timeline()
    {
        var (chat, _, _) = NewConversation();
        await using var _ = chat;
        var incident = await chat.DeclareAsync(Alice, "answers are wrong");
        await chat.SayAsync(Alice, "run quality-regression");

        var question = chat.Chat.Posts.Last().Message;
        Assert.Contains("Are retrieval results relevant?", MessageText.Of(question), StringComparison.Ordinal);
        await chat.ClickAsync("U-BOB", MessageText.Buttons(question).Single(b => b.Label == "Yes"));
        var next = chat.Chat.Posts.Last().Message;
        Assert.Contains("Are citations being used?", MessageText.Of(next), StringComparison.Ordinal);
        await chat.ClickAsync("U-BOB", MessageText.Buttons(next).Single(b => b.Label == "No"));
        Assert.Contains("Roll back the prompt version", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.OrdinalIgnoreCase);

        var decisions = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.DecisionTaken).ToList();
        Assert.Equal([("retrieval-relevant", "yes"), ("citations-used", "no")], decisions.Select(d => (d.Details["node"], d.Details["answer"])));
        Assert.All(decisions, d => Assert.Equal(Conversation.Person("U-BOB"), d.Actor));
    }

    [Fact]
    public async Task An_executor_that_ignores_cancellation_still_times_out()
    {
        var (chat, prometheus, _) = NewConversation();
        await using var _ = chat;
        prometheus.Ignore("queue-depth");
        await chat.DeclareAsync(Alice, "latency");
        var runbook = chat.Get<RunbookCatalog>().Find("high-latency")!;
        var run = chat.SayAsync(Alice, "run high-latency");
        await chat.Chat.WaitUntilAsync(posts => posts.Any(p => p.Kind == PostKind.Update
            && MessageText.Of(p.Message).Contains($"{runbook.Checks.Count - 1}/{runbook.Checks.Count} checks done", StringComparison.Ordinal)));
        chat.Time.Advance(TimeSpan.FromSeconds(10));
        await run;
        Assert.Contains(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains("timed out after 10s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stale_or_repeated_answers_change_nothing()
    {
        var (chat, _, _) = NewConversation();
        await using var _ = chat;
        var incident = await chat.DeclareAsync(Alice, "answers are wrong");
        Assert.Equal(CommandErrorCode.UnknownQuestion, (await chat.SayAsync(Alice, "answer quality-regression retrieval-relevant yes")).Error!.Code);
        await chat.SayAsync(Alice, "run quality-regression");
        var yes = MessageText.Buttons(chat.Chat.Posts.Last().Message).Single(b => b.Label == "Yes");

        Assert.Null((await chat.ClickAsync("U-BOB", yes)).Error);
        Assert.Equal(CommandErrorCode.UnknownQuestion, (await chat.ClickAsync("U-CAROL", yes)).Error!.Code);
        Assert.Equal(CommandErrorCode.UnknownQuestion, (await chat.SayAsync(Alice, "answer quality-regression follows-instructions no")).Error!.Code);
        Assert.Equal(CommandErrorCode.UnknownQuestion, (await chat.SayAsync(Alice, "answer quality-regression no-such-node no")).Error!.Code);
        Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.DecisionTaken);
    }

    [Fact]
    public async Task A_failing_chat_post_does_not_lose_results_from_the_timeline()
    {
        var prometheus = new ScriptedCheckExecutor("prometheus");
        var store = new InMemoryIncidentStore();
        await using var chat = new Conversation(store: store, executors: [prometheus, new ScriptedCheckExecutor("http"), new ScriptedCheckExecutor("kubernetes-logs")]);
        var incident = await chat.DeclareAsync(Alice, "latency");
        chat.Chat.FailPostsContaining("CRITICAL");
        prometheus.Answer("gpu-utilization", 99);

        await chat.SayAsync(Alice, "run high-latency");

        var runbook = chat.Get<RunbookCatalog>().Find("high-latency")!;
        Assert.Equal(runbook.Checks.Count, (await store.TimelineAsync(incident.Id, default)).Count(e => e.Kind == TimelineKind.CheckRan));
        Assert.Contains("Recommended next steps", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_runs_one_check_again_by_id_or_by_runbook_and_id()
    {
        var (chat, prometheus, _) = NewConversation();
        await using var _ = chat;
        prometheus.Answer("gpu-utilization", 97);
        await chat.DeclareAsync(Alice, "latency");
        var result = await chat.SayAsync(Alice, "check gpu-utilization");
        Assert.Null(result.Error);
        Assert.StartsWith("CRITICAL · ", MessageText.Of(chat.Chat.Posts.Last().Message), StringComparison.Ordinal);
        Assert.Equal(CommandErrorCode.UnknownCheck, (await chat.SayAsync(Alice, "check no-such-check")).Error!.Code);
        Assert.Null((await chat.SayAsync(Alice, "check high-latency/gpu-utilization")).Error);
    }
}
