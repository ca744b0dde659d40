using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// Opens connections to the embedded database, lends them out with their prepared statements, and brings its schema up
/// to date.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    // How long a writer waits for another writer's lock before giving up with SQLITE_BUSY.
    private const int BusyTimeoutSeconds = 30;
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    // Sessions waiting for their next operation; beyond the cap a returned session is closed.
    private readonly ConcurrentQueue<SqliteSession> _idle = new();
    private readonly int _maxIdle = Math.Max(4, Environment.ProcessorCount * 2);
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteDatabase(string path, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        Reads = new SqliteReadCache(_connectionString);
    }

    public string Path { get; }

    internal TimeProvider Time => _time;

    /// <summary>Answers of reads, kept until any connection commits.</summary>
    internal SqliteReadCache Reads { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // A writer that finds the file locked waits inside SQLite, which tries again after 1, 2, 5, 10… ms
        // (https://sqlite.org/c3ref/busy_timeout.html). Without it Microsoft.Data.Sqlite retries on its own, after a
        // 150 ms sleep each time: under concurrent writes (every acknowledged command is one) that sleep is the latency.
        await using var wait = connection.CreateCommand();
        wait.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}";
        await wait.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// An open connection for one operation, with the statements earlier operations prepared on it; dispose it to give it
    /// back.
    /// </summary>
    internal async ValueTask<SqliteSession> LeaseAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }
        return new SqliteSession(this, await OpenAsync(cancellationToken));
    }

    internal async ValueTask ReturnAsync(SqliteSession session)
    {
        if (!_disposed && session.IsOpen)
        {
            if (Interlocked.Increment(ref _idleCount) <= _maxIdle)
            {
                _idle.Enqueue(session);
                // A session returned while the database was being disposed is closed here rather than kept.
                if (_disposed) await CloseIdleAsync();
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        await session.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Reads.Dispose();
        await CloseIdleAsync();
    }

    // A container disposed synchronously (a test's, say) must not throw for an async-only singleton.
    public void Dispose()
    {
        _disposed = true;
        Reads.Dispose();
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Close();
        }
    }

    private async ValueTask CloseIdleAsync()
    {
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            await session.CloseAsync();
        }
    }

    /// <summary>Creates the file's folder and brings the schema up to date; run once at start, before any other use.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await using var connection = await OpenAsync(cancellationToken);
        // WAL lets readers go on while one writer commits; it is a property of the file, set once.
        await Execute(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await Execute(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, sql) in SqliteMigrations.Steps.Where(s => s.Version > current))
        {
            await Execute(connection, transaction, sql, cancellationToken);
            await using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $at)";
            mark.Parameters.AddWithValue("$version", version);
            mark.Parameters.AddWithValue("$at", StoredNames.Time(_time.GetUtcNow()));
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
