using ChatOps.Core.Work;

namespace ChatOps.TestKit;

/// <summary>A work queue in memory for tests of the core; it passes the same contract suite as the real stores.</summary>
public sealed class InMemoryWorkQueue(TimeProvider time) : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _items = [];

    public Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (item.DeliveryKey is { } key && _items.Exists(e => e.Item.DeliveryKey == key)) return Task.FromResult(false);
            _items.Add(new Entry(item with { EnqueuedAt = time.GetUtcNow() }) { NotBefore = time.GetUtcNow() });
            return Task.FromResult(true);
        }
    }

    public Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var ready = _items.Where(e => e.State == "ready").ToList();
            var next = ready.FirstOrDefault(e => e.NotBefore <= now && (e.LeaseUntil is null || e.LeaseUntil <= now)
                && (e.Item.OrderingKey is null || ready.First(r => r.Item.OrderingKey == e.Item.OrderingKey) == e));
            if (next is null) return Task.FromResult<WorkLease?>(null);
            next.Owner = owner;
            next.LeaseUntil = now + lease;
            next.Attempts++;
            return Task.FromResult<WorkLease?>(new WorkLease(next.Item, owner, next.Attempts));
        }
    }

    public Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult(Change(lease, e => e.LeaseUntil = time.GetUtcNow() + duration));

    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) => Finish(lease, "done", null);

    public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        Change(lease, e =>
        {
            (e.Owner, e.LeaseUntil, e.NotBefore, e.Error) = (null, null, time.GetUtcNow() + delay, reason);
        });
        return Task.CompletedTask;
    }

    public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) => Finish(lease, "dead", reason);

    public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        Change(lease, e => (e.Owner, e.LeaseUntil, e.Attempts) = (null, null, Math.Max(e.Attempts - 1, 0)));
        return Task.CompletedTask;
    }

    public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_items.RemoveAll(e => e.State == "done" && e.FinishedAt < time.GetUtcNow() - age));
    }

    public Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var waiting = _items.Where(e => e.State == "ready" && (e.LeaseUntil is null || e.LeaseUntil <= now)).ToList();
            return Task.FromResult(new WorkQueueDepth(waiting.Count, _items.Count(e => e.State == "ready" && e.LeaseUntil > now),
                _items.Count(e => e.State == "dead"), waiting.Count == 0 ? null : waiting.Min(e => e.Item.EnqueuedAt)));
        }
    }

    /// <summary>The reason a dead item was parked with, for tests.</summary>
    public string? DeadReason(Guid id)
    {
        lock (_gate) return _items.Find(e => e.Item.Id == id && e.State == "dead")?.Error;
    }

    private Task Finish(WorkLease lease, string state, string? reason)
    {
        Change(lease, e => (e.State, e.Owner, e.LeaseUntil, e.FinishedAt, e.Error) = (state, null, null, time.GetUtcNow(), reason ?? e.Error));
        return Task.CompletedTask;
    }

    private bool Change(WorkLease lease, Action<Entry> change)
    {
        lock (_gate)
        {
            var entry = _items.Find(e => e.Item.Id == lease.Item.Id && e.Owner == lease.Owner && e.State == "ready");
            if (entry is null) return false;
            change(entry);
            return true;
        }
    }

    private sealed class Entry(WorkItem item)
    {
        public WorkItem Item { get; } = item;
        public string State { get; set; } = "ready";
        public string? Owner { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
        public DateTimeOffset NotBefore { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public int Attempts { get; set; }
        public string? Error { get; set; }
    }
}
