namespace ChatOps.Core.Work;

/// <summary>
/// Durable work: an item is stored before the platform is acknowledged, leased to one runner at a time, and survives a
/// restart, a SIGTERM or a crash. Items with one <see cref="WorkItem.OrderingKey"/> are handed out one at a time in the
/// order they were enqueued, across every replica that shares the store.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Stores the item; when this returns true the item is committed and will run. False when an item with the same
    /// <see cref="WorkItem.DeliveryKey"/> was enqueued before and not yet pruned: a platform's retry, stored once.
    /// </summary>
    Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the oldest ready item to <paramref name="owner"/> for <paramref name="lease"/>, counting an attempt; null when
    /// none is ready. An item is ready when it is not leased (or its lease expired), its retry time has come, and no
    /// earlier item of its ordering key is still unfinished.
    /// </summary>
    Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held; false when it was lost (expired and taken by another runner).</summary>
    Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>The item ran; it is kept as done only to recognise a late retry of its delivery.</summary>
    Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken);

    /// <summary>The attempt failed; the item is ready again after <paramref name="delay"/> and keeps its place in its order.</summary>
    Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>The item keeps failing: parked as dead with the reason, kept for people to see, and no longer in the way of its order.</summary>
    Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken);

    /// <summary>Handed back unrun (shutdown): ready at once for any runner, the attempt not counted.</summary>
    Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets finished items older than <paramref name="age"/> (they only remembered their delivery keys); dead items stay
    /// until people have looked at them. Returns how many were removed.
    /// </summary>
    Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken);

    /// <summary>What waits, runs and lies dead, for health and metrics.</summary>
    Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken);
}
