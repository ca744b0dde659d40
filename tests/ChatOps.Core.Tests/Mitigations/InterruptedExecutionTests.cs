using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>
/// End to end: an approval whose execution hangs after its write landed (the process is as good as killed), then a
/// fresh process over the same data sweeps, and the thread says how the request was settled.
/// </summary>
public sealed class InterruptedExecutionTests
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";

    /// <summary>Applies the change on the platform, then hangs until released, as a process that stopped right after its write.</summary>
    private sealed class HangingExecutor(FakeMitigationExecutor platform) : IMitigationExecutor
    {
        private readonly TaskCompletionSource _landed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => platform.Kind;

        public Task Landed => _landed.Task;

        public void Release() => _release.TrySetResult();

        public Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken) =>
            platform.PreviewAsync(action, subject, cancellationToken);

        public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
        {
            var outcome = await platform.ApplyAsync(action, subject, cancellationToken);
            _landed.TrySetResult();
            await _release.Task;
            return outcome;
        }

        public bool IsUnchanged(MitigationState left, MitigationState live) => platform.IsUnchanged(left, live);

        public Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken) =>
            platform.RevertAsync(action, subject, before, cancellationToken);
    }

    [Fact]
    public async Task A_process_killed_mid_execution_is_reconciled_by_the_next_and_the_thread_says_how()
    {
        var platform = new FakeMitigationExecutor("scale", "4");
        var hanging = new HangingExecutor(platform);
        await using var first = new Conversation(approvers: [Approver], configure: services => services.Add(new(typeof(IMitigationExecutor), hanging)));
        var incident = await first.DeclareAsync(Alice, "sev3 latency");
        await first.SayAsync(Alice, "mitigate high-latency/scale-inference");
        var approve = MessageText.Buttons(first.Chat.Posts.Last(p => p.Kind == PostKind.Message).Message).Single(b => b.Label == "Approve");

        var approving = first.ClickAsync(Approver, approve);
        await hanging.Landed;
        Assert.Equal(RequestStatus.Executing, (await first.Requests.FindAsync(1, default))!.Status);

        await using var next = new Conversation(first.Store, approvers: [Approver], requests: first.Requests,
            configure: services => services.Add(new(typeof(IMitigationExecutor), platform)));
        next.Time.Advance(new ApprovalOptions().ExecutionLease);
        Assert.Equal(1, await next.Get<MitigationReconciler>().SweepAsync(default));

        var request = (await next.Requests.FindAsync(1, default))!;
        Assert.Equal(RequestStatus.Executed, request.Status);
        Assert.Contains(next.Chat.Posts, p => p.Kind == PostKind.Message && p.Place.Thread == incident.Place.Thread
            && MessageText.Of(p.Message) == "MIT-1 was interrupted by a restart while executing; the target is at replicas 6 as planned, so it is recorded as executed.");
        var card = next.Chat.Posts.Last(p => p.Kind == PostKind.Update && p.MessageId == request.MessageId).Message;
        Assert.Contains("Status: executed", MessageText.Of(card), StringComparison.Ordinal);
        Assert.Contains("Revert", MessageText.Buttons(card).Select(b => b.Label));
        var postmortem = MessageText.Of((await next.SayAsync(Alice, "postmortem")).Messages.Single().Message);
        Assert.Contains("MIT-1 Scale up inference pool executed: replicas 4 → replicas 6", postmortem, StringComparison.Ordinal);

        // Had the first process only been stuck, its late finish leaves the record as it is and says so in the thread.
        hanging.Release();
        Assert.Null((await approving).Error);
        Assert.Equal(request, await first.Requests.FindAsync(1, default));
        Assert.Single(await first.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.MitigationExecuted);
        Assert.Contains(first.Chat.Posts, p => MessageText.Of(p.Message).StartsWith(
            "MIT-1 finished after its lease ran out, when it was already recorded as executed: it executed: replicas 4 → replicas 6.", StringComparison.Ordinal));
        Assert.Contains(await first.Requests.AuditAsync(incident.Id, default),
            a => a is { Action: "execute", Outcome: "finished late: executed: replicas 4 → replicas 6" });
        Assert.Equal(1, platform.Changes);
    }
}
