namespace ChatOps.Core.Work;

/// <summary>
/// Work to run after the acknowledgement; a durable implementation keeps it across a crash and hands it to another
/// replica.
/// </summary>
public interface IWorkQueue
{
    ValueTask EnqueueAsync(WorkItem item, CancellationToken cancellationToken);

    /// <summary>Waits for the next item; the caller completes it once it has run.</summary>
    ValueTask<WorkItem> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Marks an item done; a durable queue gives an item that is never completed to another worker.</summary>
    ValueTask CompleteAsync(WorkItem item, CancellationToken cancellationToken);
}
