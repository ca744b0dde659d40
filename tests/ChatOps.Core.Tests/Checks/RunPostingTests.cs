using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Checks;

/// <summary>
/// What a runbook run costs in chat: one run message kept current, a post only for results that need attention, then
/// the decision. Checks answer on a fake clock, and the step runner runs everything due before the clock moves on.
/// </summary>
public sealed class RunPostingTests
{
    private const string Alice = "U-ALICE";

    private readonly ScriptedCheckExecutor _prometheus = new("prometheus");
    private readonly ScriptedCheckExecutor _http = new("http");
    private readonly ScriptedCheckExecutor _logs = new("kubernetes-logs");

    private Conversation NewConversation() => new(executors: [_prometheus, _http, _logs]);

    private static List<Posted> InThread(Conversation chat, Incident incident, PostKind kind) =>
        [.. chat.Chat.Posts.Where(p => p.Kind == kind && p.Place.Thread == incident.Place.Thread)];

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public async Task Only_checks_that_need_attention_get_a_post_of_their_own()
    {
        await using var chat = NewConversation();
        _prometheus.Answer("gpu-utilization", 96.5).Answer("kv-cache-usage", 0.95);
        _logs.Fail("vllm-errors", "pods not found");
        var incident = await chat.DeclareAsync(Alice, "latency");
        var welcome = InThread(chat, incident, PostKind.Message).Count;

        await chat.SayAsync(Alice, "run high-latency", incident.Place.Thread);

        var thread = InThread(chat, incident, PostKind.Message).Skip(welcome).Select(p => MessageText.Of(p.Message)).ToList();
        var all = string.Join("\n", thread);
        Assert.Equal(0, Count(all, "OK · "));
        Assert.Equal(1, Count(all, "CRITICAL · GPU utilization (average"));
        Assert.Equal(1, Count(all, "WARN · KV cache usage"));
        Assert.Equal(1, Count(all, "ERROR · "));
        // Each finding brings the query that produced it.
        Assert.Contains("avg(DCGM_FI_DEV_GPU_UTIL)", all, StringComparison.Ordinal);
        Assert.Contains("pods not found", all, StringComparison.Ordinal);
        // The run message, at most one post per finding, and the decision last.
        Assert.InRange(thread.Count, 2, 2 + 3);
        Assert.Contains("Recommended next steps", thread[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_is_posted_with_its_query_while_slower_checks_still_run()
    {
        await using var chat = NewConversation();
        var steps = new StepRunner(chat.Time);
        _prometheus.Answer("gpu-utilization", 97).Delay("gpu-utilization", TimeSpan.FromMilliseconds(100), chat.Time);
        _logs.Delay("gateway-upstream-errors", TimeSpan.FromSeconds(5), chat.Time);
        var incident = await steps.Start(() => chat.DeclareAsync(Alice, "latency"));
        var posted = InThread(chat, incident, PostKind.Message).Count;

        var run = steps.Start(() => chat.SayAsync(Alice, "run high-latency", incident.Place.Thread));
        Assert.True(steps.AdvanceUntil(() => InThread(chat, incident, PostKind.Message).Count == posted + 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)));

        var finding = MessageText.Of(InThread(chat, incident, PostKind.Message)[^1].Message);
        Assert.StartsWith("CRITICAL · GPU utilization", finding, StringComparison.Ordinal);
        Assert.Contains("avg(DCGM_FI_DEV_GPU_UTIL)", finding, StringComparison.Ordinal);
        Assert.False(run.IsCompleted);
        steps.Advance(TimeSpan.FromSeconds(4));
        Assert.True(run.IsCompletedSuccessfully);
        var decision = MessageText.Of(InThread(chat, incident, PostKind.Message)[^1].Message);
        Assert.StartsWith("Is GPU utilization > 90%? → Yes", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("CRITICAL · ", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_message_counts_each_grade_apart_so_an_error_hides_no_critical_finding()
    {
        await using var chat = NewConversation();
        _prometheus.Answer("gpu-utilization", 96.5).Answer("queue-depth", 25).Answer("kv-cache-usage", 0.95).Answer("preemptions", 0.5);
        _http.Fail("vllm-health", "connection refused");
        _logs.Fail("vllm-errors", "pods not found");
        var incident = await chat.DeclareAsync(Alice, "latency");

        await chat.SayAsync(Alice, "run high-latency", incident.Place.Thread);

        var updates = InThread(chat, incident, PostKind.Update);
        Assert.NotEmpty(updates);
        Assert.Contains("11/11 checks done: 2 critical, 2 warning, 2 errors, 5 ok", MessageText.Of(updates[^1].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_that_finish_together_make_one_update_of_the_run_message()
    {
        await using var chat = NewConversation();
        var steps = new StepRunner(chat.Time);
        foreach (var check in new[] { "gpu-utilization", "queue-depth", "kv-cache-usage" })
            _prometheus.Delay(check, TimeSpan.FromMilliseconds(500), chat.Time);
        var incident = await steps.Start(() => chat.DeclareAsync(Alice, "latency"));

        var run = steps.Start(() => chat.SayAsync(Alice, "run high-latency", incident.Place.Thread));
        Assert.False(run.IsCompleted);
        var before = InThread(chat, incident, PostKind.Update).Count;
        steps.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(run.IsCompletedSuccessfully);
        var updates = InThread(chat, incident, PostKind.Update);
        Assert.Equal(before + 1, updates.Count);
        Assert.Contains("11/11 checks done", MessageText.Of(updates[^1].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_an_update_is_on_its_way_later_results_wait_and_only_the_latest_state_follows()
    {
        await using var chat = NewConversation();
        var steps = new StepRunner(chat.Time);
        _prometheus.Answer("gpu-utilization", 97)
            .Delay("gpu-utilization", TimeSpan.FromMilliseconds(100), chat.Time)
            .Delay("queue-depth", TimeSpan.FromMilliseconds(200), chat.Time)
            .Delay("kv-cache-usage", TimeSpan.FromMilliseconds(300), chat.Time);
        var incident = await steps.Start(() => chat.DeclareAsync(Alice, "latency"));
        var release = chat.Chat.HoldUpdates();

        var run = steps.Start(() => chat.SayAsync(Alice, "run high-latency", incident.Place.Thread));
        Assert.Single(InThread(chat, incident, PostKind.Update));
        for (var i = 0; i < 3; i++) steps.Advance(TimeSpan.FromMilliseconds(100));

        // Three results landed while the first update was held: none was sent, and the decision did not wait for it.
        Assert.Single(InThread(chat, incident, PostKind.Update));
        Assert.Contains("Recommended next steps", MessageText.Of(InThread(chat, incident, PostKind.Message)[^1].Message), StringComparison.Ordinal);
        steps.Run(release);

        Assert.True(run.IsCompletedSuccessfully);
        var updates = InThread(chat, incident, PostKind.Update);
        Assert.Equal(2, updates.Count);
        Assert.Contains("11/11 checks done", MessageText.Of(updates[^1].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_result_still_goes_on_the_timeline_in_the_order_it_landed()
    {
        await using var chat = NewConversation();
        var steps = new StepRunner(chat.Time);
        _prometheus.Delay("gpu-utilization", TimeSpan.FromMilliseconds(300), chat.Time).Delay("queue-depth", TimeSpan.FromMilliseconds(100), chat.Time);
        var incident = await steps.Start(() => chat.DeclareAsync(Alice, "latency"));

        var run = steps.Start(() => chat.SayAsync(Alice, "run high-latency", incident.Place.Thread));
        Assert.True(steps.AdvanceUntil(() => run.IsCompleted, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5)));

        var checks = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.CheckRan).Select(e => e.Details["check"]).ToList();
        Assert.Equal(chat.Get<RunbookCatalog>().Find("high-latency")!.Checks.Count, checks.Count);
        Assert.Equal(["queue-depth", "gpu-utilization"], checks.TakeLast(2));
    }
}
