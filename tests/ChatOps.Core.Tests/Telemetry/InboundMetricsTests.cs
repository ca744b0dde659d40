using System.Diagnostics.Metrics;
using ChatOps.Core.Access;
using ChatOps.Core.Inbound;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatOps.Core.Tests.Telemetry;

/// <summary>Each delivery is counted once under its endpoint with the pipeline's answer, and its answer time recorded beside it.</summary>
public sealed class InboundMetricsTests
{
    private static InboundEnvelope Say(Conversation chat, string text, string delivery) =>
        new(new Actor(Conversation.Person("U-BOB")), chat.Channel, text, delivery) { AnswerInAcknowledgement = true };

    private static MetricCollector<long> Requests(Conversation chat) => new(chat.Get<IMeterFactory>(), "ChatOps", "chatops.inbound.requests");

    [Fact]
    public async Task Accepted_duplicate_refused_and_answered_are_counted_under_the_endpoint_they_came_in_by()
    {
        await using var chat = new Conversation();
        await chat.DeclareAsync("U-ALICE", "sev3 disk");
        var pipeline = chat.Get<InboundPipeline>();
        using var requests = Requests(chat);
        using var acknowledgements =
            new MetricCollector<double>(chat.Get<IMeterFactory>(), "ChatOps", "chatops.inbound.acknowledgement.duration");

        using (InboundEndpoint.Enter("/slack/commands"))
        {
            await pipeline.AcceptAsync(Say(chat, "note disk is full", "test:1"), default);
            await pipeline.AcceptAsync(Say(chat, "note disk is full", "test:1"), default);
            await pipeline.AcceptAsync(Say(chat, "sev 9", "test:2"), default);
            await pipeline.AcceptAsync(Say(chat, "list", "test:3"), default);
        }
        await pipeline.AcceptAsync(Say(chat, "note from nowhere", "test:4"), default);

        var counted = requests.GetMeasurementSnapshot().Select(m => ((string?)m.Tags["endpoint"], (string?)m.Tags["outcome"], m.Value)).ToList();
        Assert.Equal(
            [("/slack/commands", "accepted", 1L), ("/slack/commands", "duplicate", 1L), ("/slack/commands", "refused", 1L),
             ("/slack/commands", "answered", 1L), (InboundEndpoint.Unknown, "accepted", 1L)],
            counted);
        Assert.Equal(5, acknowledgements.GetMeasurementSnapshot().Count);
        Assert.All(acknowledgements.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task A_delivery_the_store_did_not_take_is_counted_unavailable()
    {
        await using var chat = new Conversation(configure: services => services.AddSingleton<IWorkQueue>(new RefusingQueue()));
        await chat.DeclareAsync("U-ALICE", "sev3 disk");
        using var requests = Requests(chat);

        await chat.Get<InboundPipeline>().AcceptAsync(Say(chat, "note disk is full", "test:down"), default);

        Assert.Equal("unavailable", Assert.Single(requests.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    private sealed class RefusingQueue : IWorkQueue
    {
        public Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");

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
