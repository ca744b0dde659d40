using ChatOps.Core.Delivery;

namespace ChatOps.Storage.Sqlite;

/// <summary>Claims of repeated gestures in the embedded database, so that a restart does not forget them.</summary>
public sealed class SqliteDeliveryDeduplicator(SqliteDatabase database) : IDeliveryDeduplicator
{
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = database.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var session = await database.LeaseAsync(cancellationToken);
        // A claim that has run out may be taken again, by one of several racing callers.
        var claim = session.Command("""
            INSERT INTO delivery_claims (key, until) VALUES ($key, $until)
            ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE delivery_claims.until <= $now
            """);
        claim.Parameters.AddWithValue("$key", key);
        claim.Parameters.AddWithValue("$until", now + (long)window.TotalMilliseconds);
        claim.Parameters.AddWithValue("$now", now);
        return await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var release = session.Command("DELETE FROM delivery_claims WHERE key = $key");
        release.Parameters.AddWithValue("$key", key);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }
}
