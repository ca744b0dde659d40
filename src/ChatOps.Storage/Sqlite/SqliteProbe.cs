using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>What readiness asks of the embedded database: is its file sound, and does it take a write now.</summary>
public sealed class SqliteProbe
{
    // Readiness probes give up after a few seconds; a writer holding the lock longer is an answer, not a wait.
    private const int BusySeconds = 3;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteProbe(SqliteDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = database.Path,
            // Never creates: a file deleted or moved away must fail the probe, not be replaced by an empty one.
            Mode = SqliteOpenMode.ReadWrite,
            // A new connection each time: the pool's connections keep their open files, which outlive a file that was
            // replaced, made read-only or remounted read-only, and would go on answering as if nothing happened.
            Pooling = false,
            DefaultTimeout = BusySeconds,
        }.ToString();
    }

    /// <summary>
    /// Overwrites the one row of <c>storage_probe</c> and commits, on a connection of its own to the file as it is now at
    /// its path. Throws the <see cref="SqliteException"/> that says why not: read-only, locked, full, missing.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO storage_probe (id, probed_at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at";
        command.Parameters.AddWithValue("$at", StoredNames.Time(_time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// <c>PRAGMA quick_check</c>: null when the file's structure is sound, else what SQLite found. It reads every page,
    /// so it runs once, at start.
    /// </summary>
    public async Task<string?> QuickCheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5)";
        try
        {
            var found = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) found.Add(reader.GetString(0));
            return found is ["ok"] ? null : string.Join("; ", found);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is Corrupt or NotADatabase)
        {
            // Damage bad enough that the check cannot walk the file is its finding too.
            return e.Message;
        }
    }

    private const int Corrupt = 11;
    private const int NotADatabase = 26;
}
