using ChatOps.Core.Access;
using ChatOps.Core.Inbound;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Core.Tests.Delivery;

/// <summary>Accepted means stored: the door says so only once the queue has the item, and says "try again" otherwise.</summary>
public sealed class InboundPipelineTests
{
    private static InboundEnvelope Note(Conversation chat, string delivery) =>
        new(new Actor(Conversation.Person("U-BOB")), chat.Channel, "note disk is full", delivery) { AnswerInAcknowledgement = true };

    [Fact]
    public async Task A_delivery_is_queued_once_and_its_retry_is_a_repeat()
    {
        await using var chat = new Conversation();
        await chat.DeclareAsync("U-ALICE", "sev3 disk");
        var pipeline = chat.Get<InboundPipeline>();

        Assert.Equal(InboundOutcome.Queued, (await pipeline.AcceptAsync(Note(chat, "test:event:1"), default)).Outcome);
        Assert.Equal(InboundOutcome.Repeat, (await pipeline.AcceptAsync(Note(chat, "test:event:1"), default)).Outcome);
        Assert.Equal(1, (await chat.Get<IWorkQueue>().DepthAsync(default)).Waiting);
    }

    [Fact]
    public async Task A_store_that_fails_or_does_not_answer_in_time_is_told_as_unavailable()
    {
        var queue = new StuckQueue();
        await using var chat = new Conversation(configure: services =>
        {
            services.AddSingleton<IWorkQueue>(queue);
            services.Configure<InboundOptions>(o => o.StoreTimeout = TimeSpan.FromMilliseconds(50));
        });
        await chat.DeclareAsync("U-ALICE", "sev3 disk");
        var pipeline = chat.Get<InboundPipeline>();

        Assert.Equal(InboundOutcome.Unavailable, (await pipeline.AcceptAsync(Note(chat, "test:event:stuck"), default)).Outcome);
        queue.Fail = true;
        Assert.Equal(InboundOutcome.Unavailable, (await pipeline.AcceptAsync(Note(chat, "test:event:failed"), default)).Outcome);
        Assert.Equal(2, queue.Attempts);
    }

    [Fact]
    public async Task A_click_that_could_not_be_stored_may_be_clicked_again_at_once()
    {
        var queue = new StuckQueue { Fail = true };
        await using var chat = new Conversation(configure: services => services.AddSingleton<IWorkQueue>(queue));
        await chat.DeclareAsync("U-ALICE", "sev3 disk");
        var pipeline = chat.Get<InboundPipeline>();
        InboundEnvelope Click(string delivery) =>
            new(new Actor(Conversation.Person("U-BOB")), chat.Channel, "note clicked", delivery) { RepeatKey = "test:click:U-BOB:1.0:mitigated" };

        Assert.Equal(InboundOutcome.Unavailable, (await pipeline.AcceptAsync(Click("test:action:1"), default)).Outcome);
        queue.Fail = false;
        queue.Accept = true;
        Assert.Equal(InboundOutcome.Queued, (await pipeline.AcceptAsync(Click("test:action:2"), default)).Outcome);
        Assert.Equal(InboundOutcome.Repeat, (await pipeline.AcceptAsync(Click("test:action:3"), default)).Outcome);
    }

    /// <summary>A store that never answers an enqueue, or fails it, or (when told) takes it.</summary>
    private sealed class StuckQueue : IWorkQueue
    {
        public bool Fail { get; set; }

        public bool Accept { get; set; }

        public int Attempts { get; private set; }

        public async Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Fail) throw new InvalidOperationException("database is locked");
            if (Accept) return true;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return true;
        }

        public Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult<WorkLease?>(null);
        public Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken) => Task.FromResult(0);
        public Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken) => Task.FromResult(new WorkQueueDepth(0, 0, 0, null));
    }
}
