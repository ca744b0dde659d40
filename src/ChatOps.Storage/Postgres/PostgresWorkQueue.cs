using ChatOps.Core.Work;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// The durable work queue on the PostgreSQL server that every replica shares. A take locks the oldest ready item whose
/// ordering key has no earlier unfinished item, skipping rows another taker holds, and leases it in the same statement.
/// </summary>
public sealed class PostgresWorkQueue(PostgresDatabase database) : IWorkQueue
{
    private static readonly string[] Prunes =
    [
        "DELETE FROM work_items WHERE state = 'done' AND finished_at < @before",
        "DELETE FROM delivery_claims WHERE until < @now",
        "DELETE FROM message_journal WHERE sent_at < @before",
    ];

    private const string ItemColumns = "w.id, w.kind, w.payload, w.ordering_key, w.delivery_key, w.enqueued_at, w.attempts, w.trace_parent";

    public Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var now = Now();
            await using var insert = connection.Command("""
                INSERT INTO work_items (id, kind, payload, ordering_key, delivery_key, state, enqueued_at, not_before, trace_parent)
                VALUES (@id, @kind, @payload, @ordering_key, @delivery_key, 'ready', @now, @now, @trace_parent)
                ON CONFLICT (delivery_key) DO NOTHING
                """)
                .With("id", item.Id.ToString("N")).With("kind", item.Kind).With("payload", item.Payload)
                .With("ordering_key", item.OrderingKey).With("delivery_key", item.DeliveryKey).With("now", now)
                .With("trace_parent", item.TraceParent);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    // Why two takers never hand out two items of one key: an item stays 'ready' while leased, so a second taker that
    // skips the leased head (locked, or re-checked and found leased) still sees it in NOT EXISTS and passes over the
    // rest of its key. A head finished after the second taker's snapshot still reads as 'ready' to it: at worst it takes
    // nothing this time. Only 'done' or 'dead' in the snapshot lets the next item of a key through. Sequence numbers are
    // given at insert and two enqueues of one key may commit in the other order, so a key with any item under a live lease
    // hands out nothing else: one at a time holds even then.
    public Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var now = Now();
            await using var take = connection.Command($"""
                WITH next AS (
                    SELECT c.seq FROM work_items c
                    WHERE c.state = 'ready' AND c.not_before <= @now AND (c.lease_until IS NULL OR c.lease_until <= @now)
                      AND NOT EXISTS (SELECT 1 FROM work_items e
                                      WHERE e.ordering_key = c.ordering_key AND e.state = 'ready'
                                        AND (e.seq < c.seq OR e.lease_until > @now))
                    ORDER BY c.seq LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                UPDATE work_items w SET lease_owner = @owner, lease_until = @until, attempts = w.attempts + 1
                FROM next WHERE w.seq = next.seq
                RETURNING {ItemColumns}
                """).With("owner", owner).With("until", now + (long)lease.TotalMilliseconds).With("now", now);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new WorkLease(ReadItem(reader), owner, reader.GetInt32(6)) : null;
        }, cancellationToken);

    public async Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) =>
        await ChangeAsync("lease_until = @now + @duration", lease, cancellationToken, ("duration", (long)duration.TotalMilliseconds)) == 1;

    public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) =>
        ChangeAsync("state = 'done', lease_owner = NULL, lease_until = NULL, finished_at = @now", lease, cancellationToken);

    public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
        ChangeAsync("lease_owner = NULL, lease_until = NULL, not_before = @now + @delay, last_error = @reason", lease, cancellationToken,
            ("delay", (long)delay.TotalMilliseconds), ("reason", reason));

    public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) =>
        ChangeAsync("state = 'dead', lease_owner = NULL, lease_until = NULL, finished_at = @now, last_error = @reason", lease, cancellationToken,
            ("reason", reason));

    public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) =>
        ChangeAsync("lease_owner = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)", lease, cancellationToken);

    public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var now = Now();
            var before = now - (long)age.TotalMilliseconds;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var pruned = 0;
            foreach (var sql in Prunes)
            {
                await using var prune = connection.Command(sql, transaction).With("before", before).With("now", now);
                pruned += await prune.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return pruned;
        }, cancellationToken);

    public Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var count = connection.Command("""
                SELECT
                    count(*) FILTER (WHERE state = 'ready' AND (lease_until IS NULL OR lease_until <= @now)),
                    count(*) FILTER (WHERE state = 'ready' AND lease_until > @now),
                    count(*) FILTER (WHERE state = 'dead'),
                    min(enqueued_at) FILTER (WHERE state = 'ready' AND (lease_until IS NULL OR lease_until <= @now))
                FROM work_items WHERE state <> 'done'
                """).With("now", Now());
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new WorkQueueDepth(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }, cancellationToken);

    // Every change but a take acts only on an item its runner still holds: a lease lost to another runner is theirs.
    private Task<int> ChangeAsync(string set, WorkLease lease, CancellationToken cancellationToken, params (string Name, object Value)[] values) =>
        database.RunAsync(async connection =>
        {
            await using var change = connection.Command($"UPDATE work_items SET {set} WHERE id = @id AND lease_owner = @owner AND state = 'ready'")
                .With("id", lease.Item.Id.ToString("N")).With("owner", lease.Owner).With("now", Now());
            foreach (var (name, value) in values) change.With(name, value);
            return await change.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static WorkItem ReadItem(NpgsqlDataReader r) =>
        new(r.GetString(1), r.GetString(2), r.GetNullableString(3), r.GetNullableString(4))
        {
            Id = Guid.ParseExact(r.GetString(0), "N"),
            EnqueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
            TraceParent = r.GetNullableString(7),
        };

    private long Now() => database.Time.GetUtcNow().ToUnixTimeMilliseconds();
}
