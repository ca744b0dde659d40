using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>The approval flow in the thread, with an in-memory platform; the real executors are tested against real servers.</summary>
public sealed class MitigationFlowTests
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";
    private const string Second = "U-SECOND";

    private sealed record Setup(Conversation Chat, FakeMitigationExecutor Scale, FakeMitigationExecutor Flags, Incident Incident) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Chat.DisposeAsync();

        public ChatMessage Last => Chat.Chat.Posts.Last(p => p.Kind == PostKind.Message).Message;

        public MitigationRequest Request(long id) => Chat.Requests.FindAsync(id, default).Result!;
    }

    private static async Task<Setup> StartAsync()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        var flags = new FakeMitigationExecutor("set-flag", "unset");
        var prometheus = new ScriptedCheckExecutor("prometheus").Answer("gpu-utilization", 97);
        var chat = new Conversation(executors: [prometheus, new ScriptedCheckExecutor("http"), new ScriptedCheckExecutor("kubernetes-logs")],
            approvers: [Approver, Second], configure: services =>
            {
                services.Add(new(typeof(IMitigationExecutor), scale));
                services.Add(new(typeof(IMitigationExecutor), flags));
            });
        var incident = await chat.DeclareAsync(Alice, "sev3 latency");
        return new Setup(chat, scale, flags, incident);
    }

    [Fact]
    public async Task Scale_up_goes_requested_approved_executed_reverted_in_the_thread_and_on_the_timeline()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "run high-latency");
        var request = MessageText.Buttons(s.Last).Single(b => b.Label == "Request: Scale up inference pool");

        await s.Chat.ClickAsync(Alice, request);
        var card = MessageText.Of(s.Last);
        Assert.Contains("Mitigation request MIT-1: Scale up inference pool", card, StringComparison.Ordinal);
        Assert.Contains("replicas 4 → replicas 6", card, StringComparison.Ordinal);
        Assert.Contains("Sustained load", card, StringComparison.Ordinal);
        Assert.Equal("4", s.Scale.Value(new ScaleAction("cluster", "vllm", "+2")));

        var approve = MessageText.Buttons(s.Last).Single(b => b.Label == "Approve");
        Assert.Null((await s.Chat.ClickAsync(Approver, approve)).Error);
        Assert.Equal("6", s.Scale.Value(new ScaleAction("cluster", "vllm", "+2")));
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
        var executed = s.Chat.Chat.Posts.Last(p => p.Kind == PostKind.Update && p.MessageId == s.Request(1).MessageId);
        var executedCard = executed.Message;
        Assert.Contains("replicas 4 → replicas 6", MessageText.Of(executedCard), StringComparison.Ordinal);
        // The request message is a reply in the incident's thread, and is updated there (Teams needs the reply chain).
        Assert.Equal(s.Incident.Place.Thread, executed.Place.Thread);

        await s.Chat.ClickAsync(Alice, MessageText.Buttons(executedCard).Single(b => b.Label == "Revert"));
        Assert.Contains("Revert request MIT-2", MessageText.Of(s.Last), StringComparison.Ordinal);
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-2")).Error);
        Assert.Equal("4", s.Scale.Value(new ScaleAction("cluster", "vllm", "+2")));
        Assert.Equal(RequestStatus.Reverted, s.Request(1).Status);
        Assert.Equal(RequestStatus.Executed, s.Request(2).Status);

        var kinds = (await s.Chat.Store.TimelineAsync(s.Incident.Id, default)).Select(e => e.Kind).Where(k => k.ToString().StartsWith("Mitigation", StringComparison.Ordinal));
        Assert.Equal([TimelineKind.MitigationRequested, TimelineKind.MitigationApproved, TimelineKind.MitigationExecuted,
            TimelineKind.MitigationRequested, TimelineKind.MitigationApproved, TimelineKind.MitigationExecuted, TimelineKind.MitigationReverted], kinds);
        var audit = await s.Chat.Requests.AuditAsync(s.Incident.Id, default);
        Assert.Contains(audit, a => a.Request == 1 && a.Action == "execute" && a.Outcome == "executed" && a.Before!.Contains("\"4\"", StringComparison.Ordinal) && a.After!.Contains("\"6\"", StringComparison.Ordinal));

        var postmortem = MessageText.Of((await s.Chat.SayAsync(Alice, "postmortem")).Messages.Single().Message);
        Assert.Contains("MIT-1 Scale up inference pool executed: replicas 4 → replicas 6", postmortem, StringComparison.Ordinal);
        Assert.Contains("MIT-1 Scale up inference pool reverted by MIT-2", postmortem, StringComparison.Ordinal);
        Assert.Contains("MIT-1", MessageText.Of((await s.Chat.SayAsync(Alice, "status")).Messages.Single().Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requester_never_approves_and_unlisted_people_cannot()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Approver, "mitigate high-latency/scale-inference");
        Assert.Contains("someone else must approve", (await s.Chat.SayAsync(Approver, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync("U-STRANGER", "approve MIT-1")).Error!.Code);
        Assert.Equal(RequestStatus.Pending, s.Request(1).Status);
        Assert.Equal(0, s.Scale.Changes);
    }

    private static readonly ScaleAction Vllm = new("cluster", "vllm", "+2");

    [Fact]
    public async Task A_second_revert_of_one_change_changes_nothing()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await s.Chat.SayAsync(Approver, "approve MIT-1");
        await s.Chat.SayAsync(Alice, "revert MIT-1");
        Assert.Contains("already asks to revert", (await s.Chat.SayAsync(Second, "revert MIT-1")).Error!.Message, StringComparison.Ordinal);
        // A second revert request that slipped past that check (another replica, say) is stopped at execution.
        var sneaked = await s.Chat.Requests.CreateAsync(s.Request(2) with { Id = 0, MessageId = null }, id => new AuditEntry(DateTimeOffset.UnixEpoch, Conversation.Person(Alice), s.Incident.Id, id, "request revert", "pending"), default);
        await s.Chat.SayAsync(Approver, "approve MIT-2");
        await s.Chat.SayAsync(Approver, $"approve {sneaked.Name}");

        Assert.Equal("4", s.Scale.Value(Vllm));
        Assert.Equal(2, s.Scale.Changes);
        Assert.Equal(RequestStatus.Failed, s.Request(sneaked.Id).Status);
        Assert.Single(await s.Chat.Store.TimelineAsync(s.Incident.Id, default), e => e.Kind == TimelineKind.MitigationReverted);
    }

    [Fact]
    public async Task A_revert_refuses_when_the_target_moved_on_since_the_change()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await s.Chat.SayAsync(Approver, "approve MIT-1");
        await s.Chat.SayAsync(Alice, "revert MIT-1");
        s.Scale.Set(Vllm, "8");
        await s.Chat.SayAsync(Approver, "approve MIT-2");

        Assert.Equal("8", s.Scale.Value(Vllm));
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
        Assert.Contains("the target changed since MIT-1 ran: it left replicas 6, it is now replicas 8", s.Request(2).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_after_the_write_is_not_called_harmless()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        s.Scale.CrashAfterWrite = new TimeoutException("the API server did not answer");
        await s.Chat.SayAsync(Approver, "approve MIT-1");
        Assert.Equal(RequestStatus.Failed, s.Request(1).Status);
        Assert.Contains("Part of the change may have landed", MessageText.Of(s.Last), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_failure_does_not_strand_an_approved_request()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        s.Chat.Chat.FailPostsContaining("MIT-1");
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
        Assert.Equal("6", s.Scale.Value(Vllm));
    }

    [Fact]
    public async Task Taking_command_oneself_does_not_make_an_approver_and_a_resolved_incident_runs_nothing()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        await s.Chat.SayAsync("U-MALLORY", "lead <@U-MALLORY>");
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync("U-MALLORY", "approve MIT-1")).Error!.Code);
        await s.Chat.SayAsync(Alice, "resolve");
        Assert.Contains("is resolved", (await s.Chat.SayAsync(Approver, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, s.Scale.Changes);
    }

    [Fact]
    public async Task The_commander_an_approver_appointed_may_approve()
    {
        await using var s = await StartAsync();
        // An approver's appointment: an ordinary user's would give no rights (ApprovalRightsTests).
        await s.Chat.SayAsync(Approver, "lead <@U-BOB>");
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        Assert.Null((await s.Chat.SayAsync("U-BOB", "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
    }

    [Fact]
    public async Task Emergency_only_needs_two_distinct_approvers()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/shed-requests");
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Pending, s.Request(1).Status);
        Assert.Contains("already approved", (await s.Chat.SayAsync(Approver, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, s.Flags.Changes);
        Assert.Null((await s.Chat.SayAsync(Second, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
        Assert.Equal("0.1", s.Flags.Value(new SetFlagAction("flags", "SHED_RATE", "0.1")));
    }

    [Fact]
    public async Task A_request_expires_and_then_changes_nothing()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        s.Chat.Time.Advance(TimeSpan.FromMinutes(15));
        var error = (await s.Chat.SayAsync(Approver, "approve MIT-1")).Error!;
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Expired, s.Request(1).Status);
        Assert.Equal(0, s.Scale.Changes);
        Assert.Contains("Status: expired", MessageText.Of(s.Chat.Chat.Posts.Last(p => p.Kind == PostKind.Update).Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_requests_are_expired_by_the_sweep_and_their_message_updated()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        var expiry = s.Chat.Get<MitigationExpiry>();
        Assert.Equal(0, await expiry.SweepAsync(default));
        s.Chat.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await expiry.SweepAsync(default));
        Assert.Equal(RequestStatus.Expired, s.Request(1).Status);
        var card = s.Chat.Chat.Posts.Last(p => p.Kind == PostKind.Update && p.MessageId == s.Request(1).MessageId).Message;
        Assert.Empty(MessageText.Buttons(card));
        Assert.Single(await s.Chat.Store.TimelineAsync(s.Incident.Id, default), e => e.Kind == TimelineKind.MitigationExpired);
    }

    [Fact]
    public async Task A_hundred_concurrent_approvals_execute_once()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        var approvers = Enumerable.Range(0, 100).Select(i => $"U-A{i}").ToList();
        await using var chat = s.Chat;
        foreach (var a in approvers) chat.Get<Microsoft.Extensions.Options.IOptionsMonitor<Core.Access.RoleOptions>>().CurrentValue.Approvers.Add(Conversation.Person(a).ToString());

        var results = await Task.WhenAll(approvers.Select(a => Task.Run(() => chat.SayAsync(a, "approve MIT-1"))));

        Assert.Equal(1, s.Scale.Changes);
        Assert.Equal("6", s.Scale.Value(new ScaleAction("cluster", "vllm", "+2")));
        Assert.Single(results, r => r.Error is null);
        Assert.Single(await chat.Store.TimelineAsync(s.Incident.Id, default), e => e.Kind == TimelineKind.MitigationExecuted);
    }

    [Fact]
    public async Task A_failing_target_leaves_a_clear_failure_and_no_change()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        s.Scale.FailWith = "deployments.apps \"vllm\" is forbidden";
        await s.Chat.SayAsync(Approver, "approve MIT-1");

        Assert.Equal(RequestStatus.Failed, s.Request(1).Status);
        Assert.Equal("4", s.Scale.Value(new ScaleAction("cluster", "vllm", "+2")));
        Assert.Contains("failed and changed nothing: deployments.apps \"vllm\" is forbidden", MessageText.Of(s.Last), StringComparison.Ordinal);
        Assert.Contains("already failed", (await s.Chat.SayAsync(Second, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Single(await s.Chat.Store.TimelineAsync(s.Incident.Id, default), e => e.Kind == TimelineKind.MitigationFailed);
    }

    [Fact]
    public async Task A_denial_says_why_and_closes_the_request()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        Assert.Equal(CommandErrorCode.MissingArgument, (await s.Chat.SayAsync(Approver, "deny MIT-1")).Error!.Code);
        Assert.Null((await s.Chat.SayAsync(Approver, "deny MIT-1 overflow routing first")).Error);
        Assert.Equal(("overflow routing first", RequestStatus.Denied), (s.Request(1).Reason, s.Request(1).Status));
        Assert.Contains("already denied", (await s.Chat.SayAsync(Second, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("only an executed mitigation", (await s.Chat.SayAsync(Alice, "revert MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, s.Scale.Changes);
    }

    [Fact]
    public async Task A_manual_step_is_posted_marked_done_once_and_shown_in_the_postmortems_resolution()
    {
        await using var s = await StartAsync();
        Assert.Null((await s.Chat.SayAsync(Alice, "mitigate high-latency/restart-workers")).Error);
        var card = MessageText.Of(s.Last);
        Assert.Contains("Manual step MIT-1: Restart stuck vLLM workers", card, StringComparison.Ordinal);
        Assert.Contains("rollout restart deployment/vllm", card, StringComparison.Ordinal);
        Assert.Equal(["Mark done"], MessageText.Buttons(s.Last).Select(b => b.Label));
        Assert.Equal(RequestStatus.Open, s.Request(1).Status);
        // Nothing to approve: the bot changes nothing, a person does the work.
        Assert.Contains("manual step", (await s.Chat.SayAsync(Approver, "approve MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("MIT-1 asks for it already", (await s.Chat.SayAsync(Second, "mitigate high-latency/restart-workers")).Error!.Message, StringComparison.Ordinal);

        s.Chat.Time.Advance(TimeSpan.FromMinutes(7));
        var markDone = MessageText.Buttons(s.Last).Single();
        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => s.Chat.ClickAsync("U-BOB", markDone))));

        Assert.Single(clicks, r => r.Error is null);
        Assert.Equal(RequestStatus.Done, s.Request(1).Status);
        var done = Assert.Single(await s.Chat.Store.TimelineAsync(s.Incident.Id, default), e => e.Kind == TimelineKind.MitigationDone);
        Assert.Equal((Conversation.Person("U-BOB"), Conversation.Start.AddMinutes(7)), (done.Actor, done.At));
        Assert.Equal("MIT-1", done.Details["request"]);
        var updated = s.Chat.Chat.Posts.Last(p => p.Kind == PostKind.Update && p.MessageId == s.Request(1).MessageId).Message;
        Assert.Empty(MessageText.Buttons(updated));
        Assert.Contains("Done by: <@U-BOB> at 2026-11-28 09:07 UTC", MessageText.Of(updated), StringComparison.Ordinal);
        Assert.Contains("already done", (await s.Chat.SayAsync(Alice, "done MIT-1")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, s.Scale.Changes + s.Flags.Changes);
        Assert.Contains("MIT-1 | Restart stuck vLLM workers | done | manual: kubectl", MessageText.Of((await s.Chat.SayAsync(Alice, "status")).Messages.Single().Message), StringComparison.Ordinal);

        var postmortem = MessageText.Of((await s.Chat.SayAsync(Alice, "postmortem")).Messages.Single().Message);
        var resolution = postmortem[postmortem.IndexOf("## Resolution", StringComparison.Ordinal)..postmortem.IndexOf("## Action Items", StringComparison.Ordinal)];
        Assert.Contains("- Restart stuck vLLM workers (MIT-1): done by @U-BOB at 2026-11-28 09:07 UTC", resolution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recommendation_offers_manual_steps_as_buttons_too()
    {
        await using var s = await StartAsync();
        var runbook = s.Chat.Get<RunbookCatalog>().Find("cost-spike")!;

        var message = Decisions.DecisionView.Recommend(s.Incident, runbook, new DecisionLeaf(["audit-prompts", "increase-cache-ttl"], null), []);

        Assert.Equal(
            [("Request: Audit and trim prompts", $"mitigate {s.Incident.Id} cost-spike/audit-prompts"), ("Request: Increase cache TTL", $"mitigate {s.Incident.Id} cost-spike/increase-cache-ttl")],
            MessageText.Buttons(message).Select(b => (b.Label, b.Value)));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason()
    {
        await using var s = await StartAsync();
        Assert.Equal(CommandErrorCode.UnknownMitigation, (await s.Chat.SayAsync(Alice, "mitigate high-latency/teleport")).Error!.Code);
        Assert.Equal(CommandErrorCode.UnknownRunbook, (await s.Chat.SayAsync(Alice, "mitigate nope/scale")).Error!.Code);
        Assert.Equal(CommandErrorCode.UnknownRequest, (await s.Chat.SayAsync(Approver, "approve MIT-42")).Error!.Code);
        Assert.Equal(CommandErrorCode.BadRequestId, (await s.Chat.SayAsync(Approver, "approve 42")).Error!.Code);
        s.Scale.FailWith = "connection refused";
        Assert.Contains("Cannot read what Scale up inference pool would change: connection refused",
            (await s.Chat.SayAsync(Alice, "mitigate high-latency/scale-inference")).Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await s.Chat.Requests.ListAsync(s.Incident.Id, default));
    }
}
