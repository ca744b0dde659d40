using ChatOps.Core.Delivery;

namespace ChatOps.Storage.Postgres;

/// <summary>Claims of repeated gestures on the PostgreSQL server, shared by every replica and kept across restarts.</summary>
public sealed class PostgresDeliveryDeduplicator(PostgresDatabase database) : IDeliveryDeduplicator
{
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        await database.RunAsync(async connection =>
        {
            var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
            // A claim that has run out may be taken again, by one of several racing callers: the others wait for the
            // winner's row and then find its claim current.
            await using var claim = connection.Command("""
                INSERT INTO delivery_claims (key, until) VALUES (@key, @until)
                ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE delivery_claims.until <= @now
                """).With("key", key).With("until", now + (long)window.TotalMilliseconds).With("now", now);
            return await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) =>
        await database.RunAsync(async connection =>
        {
            await using var release = connection.Command("DELETE FROM delivery_claims WHERE key = @key").With("key", key);
            return await release.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
