using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// Answers of reads, kept while the database file is unchanged. SQLite's <c>PRAGMA data_version</c>, read on a
/// connection of the cache's own that never writes, changes whenever any other connection commits, in this process
/// or another (https://sqlite.org/pragma.html#pragma_data_version). An answer is kept only if the version was the
/// same before and after it was read, and it is given out only while the version is still that one; the first
/// read after any commit drops them all. So a kept answer is always what reading again would give.
/// </summary>
internal sealed class SqliteReadCache : IDisposable
{
    /// <summary>Beyond this many answers the cache starts again, so that reads of many channels cannot grow it without end.</summary>
    public const int MaxEntries = 4096;

    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private readonly Dictionary<ReadKey, object?> _answers = [];
    private SqliteConnection? _watch;
    private SqliteCommand? _dataVersion;
    private long _answersVersion = -1;
    private bool _disposed;

    internal SqliteReadCache(string connectionString) => _connectionString = connectionString;

    /// <summary>The kept answer for <paramref name="key"/> if the database has not changed since, else <paramref name="read"/>'s.</summary>
    public async Task<T> ReadAsync<T>(ReadKey key, Func<Task<T>> read) where T : class?
    {
        long before;
        lock (_gate)
        {
            before = DataVersion();
            if (before == _answersVersion && _answers.TryGetValue(key, out var kept)) return (T)kept!;
        }
        var answer = await read();
        lock (_gate)
        {
            if (DataVersion() != before) return answer;
            if (_answersVersion != before || _answers.Count >= MaxEntries)
            {
                _answers.Clear();
                _answersVersion = before;
            }
            _answers[key] = answer;
        }
        return answer;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _answers.Clear();
            _dataVersion?.Dispose();
            _watch?.Dispose();
        }
    }

    // Called under the gate: the watching connection runs one statement at a time.
    private long DataVersion()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dataVersion is null)
        {
            _watch = new SqliteConnection(_connectionString);
            _watch.Open();
            _dataVersion = _watch.CreateCommand();
            _dataVersion.CommandText = "PRAGMA data_version";
        }
        return (long)_dataVersion.ExecuteScalar()!;
    }
}

/// <summary>What a read asked for: its kind and its arguments.</summary>
internal readonly record struct ReadKey(string Kind, string? First = null, string? Second = null, string? Third = null, long Number = 0);
