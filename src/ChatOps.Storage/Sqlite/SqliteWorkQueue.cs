using System.Threading.Channels;
using ChatOps.Core.Work;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// The durable work queue in the embedded database. SQLite has one writer at a time, so a lease is taken by one
/// conditional UPDATE: the oldest ready item whose ordering key has no earlier unfinished item. Enqueues are committed
/// in groups: every acknowledgement waits for a durable commit, and under load one commit (one fsync) carries all the
/// items that arrived while the previous one was being written, instead of each waiting its turn for the write lock.
/// </summary>
public sealed class SqliteWorkQueue(SqliteDatabase database) : IWorkQueue
{
    private const string ItemColumns = "id, kind, payload, ordering_key, delivery_key, enqueued_at, attempts, trace_parent";
    private const int MaxGroup = 256;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writer;

    public async Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Writer.TryWrite(pending);
        if (Volatile.Read(ref _writer) is null)
        {
            lock (_start) _writer ??= Task.Run(WriteGroupsAsync, CancellationToken.None);
        }
        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                var stored = await InsertAsync(group);
                for (var i = 0; i < group.Count; i++) group[i].Stored.TrySetResult(stored[i]);
            }
            catch (Exception e)
            {
                // Nothing of the group was committed: every caller hears it, and its platform is told to try again.
                foreach (var pending in group) pending.Stored.TrySetException(e);
            }
        }
    }

    private async Task<bool[]> InsertAsync(List<Pending> group)
    {
        var now = Now();
        await using var session = await database.LeaseAsync(CancellationToken.None);
        await using var transaction = await session.BeginTransactionAsync(CancellationToken.None);
        var stored = new bool[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var item = group[i].Item;
            var insert = session.Command("""
                INSERT INTO work_items (id, kind, payload, ordering_key, delivery_key, state, enqueued_at, not_before, trace_parent)
                VALUES ($id, $kind, $payload, $ordering_key, $delivery_key, 'ready', $now, $now, $trace_parent)
                ON CONFLICT (delivery_key) DO NOTHING
                """, transaction);
            insert.Parameters.AddWithValue("$id", item.Id.ToString("N"));
            insert.Parameters.AddWithValue("$kind", item.Kind);
            insert.Parameters.AddWithValue("$payload", item.Payload);
            insert.Parameters.AddWithValue("$ordering_key", (object?)item.OrderingKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$delivery_key", (object?)item.DeliveryKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", now);
            insert.Parameters.AddWithValue("$trace_parent", (object?)item.TraceParent ?? DBNull.Value);
            stored[i] = await insert.ExecuteNonQueryAsync(CancellationToken.None) == 1;
        }
        await transaction.CommitAsync(CancellationToken.None);
        return stored;
    }

    public async Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var session = await database.LeaseAsync(cancellationToken);
        var take = session.Command($"""
            UPDATE work_items SET lease_owner = $owner, lease_until = $until, attempts = attempts + 1
            WHERE seq = (
                SELECT w.seq FROM work_items w
                WHERE w.state = 'ready' AND w.not_before <= $now AND (w.lease_until IS NULL OR w.lease_until <= $now)
                  AND NOT EXISTS (SELECT 1 FROM work_items e
                                  WHERE e.ordering_key = w.ordering_key AND e.state = 'ready'
                                    AND (e.seq < w.seq OR e.lease_until > $now))
                ORDER BY w.seq LIMIT 1)
            RETURNING {ItemColumns}
            """);
        take.Parameters.AddWithValue("$owner", owner);
        take.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
        take.Parameters.AddWithValue("$now", now);
        await using var reader = await take.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WorkLease(ReadItem(reader), owner, reader.GetInt32(6)) : null;
    }

    public async Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) =>
        await ChangeAsync("lease_until = $now + $duration", lease, cancellationToken, ("$duration", (long)duration.TotalMilliseconds)) == 1;

    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) =>
        ChangeAsync("state = 'done', lease_owner = NULL, lease_until = NULL, finished_at = $now", lease, cancellationToken);

    public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
        ChangeAsync("lease_owner = NULL, lease_until = NULL, not_before = $now + $delay, last_error = $reason", lease, cancellationToken,
            ("$delay", (long)delay.TotalMilliseconds), ("$reason", reason));

    public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) =>
        ChangeAsync("state = 'dead', lease_owner = NULL, lease_until = NULL, finished_at = $now, last_error = $reason", lease, cancellationToken,
            ("$reason", reason));

    public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) =>
        ChangeAsync("lease_owner = NULL, lease_until = NULL, attempts = max(attempts - 1, 0)", lease, cancellationToken);

    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var before = Now() - (long)age.TotalMilliseconds;
        await using var session = await database.LeaseAsync(cancellationToken);
        var prune = session.Command("""
            DELETE FROM work_items WHERE state = 'done' AND finished_at < $before;
            DELETE FROM delivery_claims WHERE until < $now;
            DELETE FROM message_journal WHERE sent_at < $before;
            """);
        prune.Parameters.AddWithValue("$before", before);
        prune.Parameters.AddWithValue("$now", Now());
        return await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var count = session.Command("""
            SELECT
                count(*) FILTER (WHERE state = 'ready' AND (lease_until IS NULL OR lease_until <= $now)),
                count(*) FILTER (WHERE state = 'ready' AND lease_until > $now),
                count(*) FILTER (WHERE state = 'dead'),
                min(enqueued_at) FILTER (WHERE state = 'ready' AND (lease_until IS NULL OR lease_until <= $now))
            FROM work_items WHERE state <> 'done'
            """);
        count.Parameters.AddWithValue("$now", Now());
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WorkQueueDepth(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    // Every change but a take acts only on an item its runner still holds: a lease lost to another runner is theirs.
    private async Task<int> ChangeAsync(string set, WorkLease lease, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var change = session.Command($"UPDATE work_items SET {set} WHERE id = $id AND lease_owner = $owner AND state = 'ready'");
        change.Parameters.AddWithValue("$id", lease.Item.Id.ToString("N"));
        change.Parameters.AddWithValue("$owner", lease.Owner);
        change.Parameters.AddWithValue("$now", Now());
        foreach (var (name, value) in values) change.Parameters.AddWithValue(name, value);
        return await change.ExecuteNonQueryAsync(cancellationToken);
    }

    private static WorkItem ReadItem(SqliteDataReader r) =>
        new(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4))
        {
            Id = Guid.ParseExact(r.GetString(0), "N"),
            EnqueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
            TraceParent = r.IsDBNull(7) ? null : r.GetString(7),
        };

    private long Now() => database.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record Pending(WorkItem Item, TaskCompletionSource<bool> Stored);
}
