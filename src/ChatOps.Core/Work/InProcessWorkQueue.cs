using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Work;

/// <summary>
/// The embedded default: a bounded in-memory channel. Work still queued when the process stops is lost;
/// the PostgreSQL-backed durable queue (a later issue) is what production replicas share.
/// </summary>
public sealed class InProcessWorkQueue(IOptions<WorkOptions> options) : IWorkQueue
{
    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(
        new BoundedChannelOptions(options.Value.Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ValueTask EnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(item, cancellationToken);

    public ValueTask<WorkItem> DequeueAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAsync(cancellationToken);

    public ValueTask CompleteAsync(WorkItem item, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
