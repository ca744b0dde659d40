using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>
/// An execution whose process died between the claim and the record is settled from the target's live state once its
/// lease runs out. The crash is simulated by claiming through the store and never completing.
/// </summary>
public sealed class MitigationReconcilerTests
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";
    private static readonly ScaleAction Vllm = new("cluster", "vllm", "+2");
    private static readonly TimeSpan Lease = new ApprovalOptions().ExecutionLease;

    private sealed record Setup(Conversation Chat, FakeMitigationExecutor Scale, Incident Incident) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Chat.DisposeAsync();

        public MitigationRequest Request(long id) => Chat.Requests.FindAsync(id, default).Result!;

        public Task<int> SweepAsync() => Chat.Get<MitigationReconciler>().SweepAsync(default);

        public List<string> Said => [.. Chat.Chat.Posts.Where(p => p.Kind == PostKind.Message).Select(p => MessageText.Of(p.Message))];

        public string Card(long id) => MessageText.Of(Chat.Chat.Posts.Last(p => p.MessageId == Request(id).MessageId && p.Kind != PostKind.Private).Message);

        public async Task<List<AuditEntry>> ReconcileAuditAsync() =>
            [.. (await Chat.Requests.AuditAsync(Incident.Id, default)).Where(a => a.Action == "reconcile")];

        public async Task<List<TimelineEvent>> TimelineAsync(TimelineKind kind) =>
            [.. (await Chat.Store.TimelineAsync(Incident.Id, default)).Where(e => e.Kind == kind)];
    }

    private static async Task<Setup> StartAsync()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        var chat = new Conversation(approvers: [Approver], configure: services => services.Add(new(typeof(IMitigationExecutor), scale)));
        var incident = await chat.DeclareAsync(Alice, "sev3 latency");
        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        return new Setup(chat, scale, incident);
    }

    /// <summary>Approves and claims a request through the store, as a process does right before it dies.</summary>
    private static async Task AbandonAsync(Setup s, long id)
    {
        var updater = s.Chat.Get<RequestUpdater>();
        var now = s.Chat.Time.GetUtcNow();
        if (s.Request(id).Status == RequestStatus.Pending)
            Assert.Null((await updater.ApplyAsync(id, r => RequestTransitions.Approve(r, Conversation.Person(Approver), now), _ => [], default)).Refusal);
        Assert.Null((await updater.ApplyAsync(id, r => RequestTransitions.Claim(r, now), _ => [], default)).Refusal);
    }

    [Theory]
    [InlineData("6", RequestStatus.Executed, TimelineKind.MitigationExecuted,
        "MIT-1 was interrupted by a restart while executing; the target is at replicas 6 as planned, so it is recorded as executed.",
        "executed: interrupted, the target is as planned")]
    [InlineData("4", RequestStatus.Failed, TimelineKind.MitigationFailed,
        "MIT-1 was interrupted by a restart while executing; the target is still at replicas 4 as before, so nothing changed and it is recorded as failed.",
        "failed: interrupted, the target is as before, nothing changed")]
    [InlineData("5", RequestStatus.Failed, TimelineKind.MitigationFailed,
        "MIT-1 was interrupted by a restart while executing; the target is at replicas 5, neither replicas 4 as before nor replicas 6 as planned, so part of the change may have landed.",
        "failed: interrupted, the target is neither as before nor as planned, part of the change may have landed")]
    public async Task An_abandoned_execution_is_recorded_from_the_live_state_once_its_lease_runs_out(
        string live, RequestStatus recorded, TimelineKind kind, string said, string audited)
    {
        await using var s = await StartAsync();
        await AbandonAsync(s, 1);
        s.Scale.Set(Vllm, live);
        s.Chat.Time.Advance(Lease);

        Assert.Equal(1, await s.SweepAsync());

        Assert.Equal(recorded, s.Request(1).Status);
        Assert.Contains(s.Said, text => text.StartsWith(said, StringComparison.Ordinal));
        var audit = Assert.Single(await s.ReconcileAuditAsync());
        Assert.Equal((Actor.System.Id, 1L, audited), (audit.Actor, audit.Request, audit.Outcome));
        var timeline = Assert.Single(await s.TimelineAsync(kind));
        Assert.Equal(Actor.System.Id, timeline.Actor);
        Assert.Contains("Status: " + RequestTransitions.Name(recorded), s.Card(1), StringComparison.Ordinal);
        // Reconciling reads the target; it never changes it.
        Assert.Equal(0, s.Scale.Changes);
        Assert.Equal(0, await s.SweepAsync());
    }

    [Fact]
    public async Task An_execution_recorded_as_executed_keeps_whole_states_and_can_be_reverted()
    {
        await using var s = await StartAsync();
        await AbandonAsync(s, 1);
        s.Scale.Set(Vllm, "6");
        s.Chat.Time.Advance(Lease);
        await s.SweepAsync();

        var executed = s.Request(1);
        Assert.Equal(("4", "6"), (executed.Before!.Values["value"], executed.After!.Values["value"]));
        Assert.Null((await s.Chat.SayAsync(Alice, "revert MIT-1")).Error);
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-2")).Error);
        Assert.Equal("4", s.Scale.Value(Vllm));
        Assert.Equal(RequestStatus.Reverted, s.Request(1).Status);
    }

    [Fact]
    public async Task An_execution_inside_its_lease_is_never_touched()
    {
        await using var s = await StartAsync();
        await AbandonAsync(s, 1);
        var claimed = s.Request(1);
        s.Scale.Set(Vllm, "6");
        s.Chat.Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await s.SweepAsync());

        Assert.Equal(claimed, s.Request(1));
        Assert.Empty(await s.ReconcileAuditAsync());
        Assert.DoesNotContain(s.Said, text => text.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_that_cannot_be_read_is_left_for_the_next_sweep()
    {
        await using var s = await StartAsync();
        await AbandonAsync(s, 1);
        var claimed = s.Request(1);
        s.Scale.Set(Vllm, "6");
        s.Scale.FailWith = "cannot reach Kubernetes target 'cluster'";
        s.Chat.Time.Advance(Lease);

        Assert.Equal(0, await s.SweepAsync());
        Assert.Equal(claimed, s.Request(1));
        Assert.Empty(await s.ReconcileAuditAsync());
        Assert.Empty(await s.TimelineAsync(TimelineKind.MitigationFailed));

        s.Scale.FailWith = null;
        Assert.Equal(1, await s.SweepAsync());
        Assert.Equal(RequestStatus.Executed, s.Request(1).Status);
    }

    [Fact]
    public async Task Replicas_reconciling_one_request_at_once_record_it_once()
    {
        await using var s = await StartAsync();
        await AbandonAsync(s, 1);
        s.Scale.Set(Vllm, "6");
        s.Chat.Time.Advance(Lease);
        var stale = Assert.Single(await s.Chat.Requests.ListExecutingAsync(s.Chat.Time.GetUtcNow() - Lease, default));
        var reconciler = s.Chat.Get<MitigationReconciler>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => reconciler.ReconcileAsync(stale, default))));

        Assert.Single(outcomes, recorded => recorded);
        Assert.Single(await s.ReconcileAuditAsync());
        Assert.Single(await s.TimelineAsync(TimelineKind.MitigationExecuted));
        Assert.Single(s.Said, text => text.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_revert_that_landed_is_executed_and_its_original_reverted()
    {
        await using var s = await StartAsync();
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-1")).Error);
        await s.Chat.SayAsync(Alice, "revert MIT-1");
        await AbandonAsync(s, 2);
        // As the execution does before it acts: it reserves the original, then dies after its write.
        await s.Chat.Get<RequestUpdater>().ApplyAsync(1, RequestTransitions.Reverted, _ => [], default);
        s.Scale.Set(Vllm, "4");
        s.Chat.Time.Advance(Lease);

        Assert.Equal(1, await s.SweepAsync());

        Assert.Equal((RequestStatus.Executed, RequestStatus.Reverted), (s.Request(2).Status, s.Request(1).Status));
        Assert.Contains(s.Said, text => text.StartsWith("MIT-2 was interrupted by a restart while executing; the target is at replicas 4 as planned", StringComparison.Ordinal));
        Assert.Single(await s.TimelineAsync(TimelineKind.MitigationReverted));
    }

    [Fact]
    public async Task An_interrupted_revert_that_changed_nothing_gives_its_original_back()
    {
        await using var s = await StartAsync();
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-1")).Error);
        await s.Chat.SayAsync(Alice, "revert MIT-1");
        await AbandonAsync(s, 2);
        await s.Chat.Get<RequestUpdater>().ApplyAsync(1, RequestTransitions.Reverted, _ => [], default);
        s.Chat.Time.Advance(Lease);

        Assert.Equal(1, await s.SweepAsync());

        Assert.Equal((RequestStatus.Failed, RequestStatus.Executed), (s.Request(2).Status, s.Request(1).Status));
        Assert.Contains(s.Said, text => text.StartsWith("MIT-2 was interrupted by a restart while executing; the target is still at replicas 6 as before", StringComparison.Ordinal));
        Assert.Contains(await s.Chat.Requests.AuditAsync(s.Incident.Id, default), a => a is { Request: 1, Action: "revert", Outcome: "released: MIT-2 was interrupted" });
        Assert.Contains("Revert", MessageText.Buttons(s.Chat.Chat.Posts.Last(p => p.MessageId == s.Request(1).MessageId).Message).Select(b => b.Label));
    }
}
