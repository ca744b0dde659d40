using System.Globalization;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// The PostgreSQL server's connection pool (an <see cref="NpgsqlDataSource"/>), the schema's migrations, and the one
/// retry that carries an operation across a server restart.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    // Any constant both replicas agree on; it names "the ChatOps schema" among the server's advisory locks.
    private const long MigrationLock = 0x43_68_61_74_4F_70_73; // "ChatOps"

    public PostgresDatabase(string connectionString, TimeProvider? time = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The stores run a few dozen statements over and over: prepared once per connection, each run skips the server's
        // parse and plan. A deployment's own setting of either wins.
        if (!builder.ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 64;
        if (!builder.ContainsKey("Auto Prepare Min Usages")) builder.AutoPrepareMinUsages = 2;
        Description = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}");
        DataSource = NpgsqlDataSource.Create(builder);
        Time = time ?? TimeProvider.System;
    }

    /// <summary>Where the server is, without credentials: for logs and readiness.</summary>
    public string Description { get; }

    public NpgsqlDataSource DataSource { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Brings the schema up to date; safe when several replicas start at once: a session-level advisory lock lets one
    /// connection at a time read and apply the steps, so the others find them applied.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", MigrationLock));
        try
        {
            await Execute(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)", cancellationToken);
            await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            foreach (var (version, sql) in PostgresMigrations.Steps.Where(s => s.Version > current))
            {
                // Each step commits with its mark, so a failure part-way leaves the earlier steps applied and recorded.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, sql, cancellationToken);
                await Execute(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)", cancellationToken,
                    ("version", version), ("at", Time.GetUtcNow().ToUniversalTime()));
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            // A broken connection has lost its session, and the lock with it; only a live one needs to let go.
            if (connection.State == System.Data.ConnectionState.Open)
                await Execute(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", MigrationLock));
        }
    }

    /// <summary>
    /// Runs one operation on a pooled connection. When the server went away since the connection was pooled (a restart,
    /// a failover), the operation is retried once on a fresh connection: see <see cref="IsServerGone"/>.
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            return await operation(connection);
        }
        catch (PostgresException e) when (IsServerGone(e))
        {
            // Every idle connection of the pool was cut by the same event; drop them rather than meet each in turn.
            DataSource.Clear();
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            return await operation(connection);
        }
    }

    /// <summary>
    /// The server told the connection it is shutting down or restarting (administrator command, crash recovery, not
    /// accepting yet). Nothing of the operation was committed then: the server ends the session before it would commit,
    /// so a retry cannot apply a change twice. A connection cut without a word (a network failure) is not retried: the
    /// COMMIT may have landed.
    /// </summary>
    internal static bool IsServerGone(PostgresException e) => e.SqlState is "57P01" or "57P02" or "57P03";

    private static async Task Execute(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
