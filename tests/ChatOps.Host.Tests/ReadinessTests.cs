using System.Net;
using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Host.Tests;

/// <summary>
/// <c>/readyz</c> says whether storage takes a write now, and why not. Tests run as root, for whom file modes stop
/// nothing, so the file is made unwritable the ways that hold for root too: SQLite's own read-only marker in the
/// file header, another writer's lock, the file replaced by a folder, a damaged page.
/// </summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly ChatOpsFactory _factory = new();

    private async Task<(HttpStatusCode Status, string Body)> ReadyzAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private SqliteConnection Connect() => new($"Data Source={_factory.DatabasePath};Pooling=False");

    [Fact]
    public async Task Ready_says_storage_took_a_write()
    {
        var (status, body) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*) FROM storage_probe";
        Assert.Equal(1L, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Not_ready_while_the_file_is_read_only_and_ready_again_after()
    {
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
        await using (var connection = Connect())
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        // Byte 18 is the file format's write version; above 2, SQLite opens the file read-only, as for a file without write permission.
        await SetHeaderByteAsync(18, 3);

        var (status, body) = await ReadyzAsync();
        await SetHeaderByteAsync(18, 2);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("storage: Unhealthy: the database does not take a write: ", body, StringComparison.Ordinal);
        Assert.Contains("readonly database", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
    }

    [Fact]
    public async Task Not_ready_while_another_writer_holds_the_lock()
    {
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
        await using var other = Connect();
        await other.OpenAsync();
        // BEGIN IMMEDIATE: the write lock, held until the transaction ends.
        using (other.BeginTransaction(deferred: false))
        {
            var (status, body) = await ReadyzAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("database is locked", body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
    }

    [Fact]
    public async Task Not_ready_when_the_file_was_replaced_by_a_folder()
    {
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
        // The host's open connections keep the moved file; only a fresh look at the path sees what is there now.
        File.Move(_factory.DatabasePath, _factory.DatabasePath + ".moved");
        Directory.CreateDirectory(_factory.DatabasePath);

        var (status, body) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("unable to open database file", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_ready_when_quick_check_at_start_finds_a_damaged_page()
    {
        await CreateDamagedDatabaseAsync(_factory.DatabasePath);

        var (status, body) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("storage: Unhealthy: PRAGMA quick_check at start found the database damaged: ", body, StringComparison.Ordinal);
    }

    /// <summary>A migrated database with a table of many pages, the last of which is overwritten: start and migration never read it.</summary>
    private static async Task CreateDamagedDatabaseAsync(string path)
    {
        await using (var database = new SqliteDatabase(path))
        {
            await database.MigrateAsync(default);
            await using var connection = await database.OpenAsync(default);
            await using var fill = connection.CreateCommand();
            fill.CommandText = """
                CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                INSERT INTO filler SELECT i, printf('%.500c', 'x') FROM n;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            await fill.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Seek(-4096, SeekOrigin.End);
        await file.WriteAsync(Enumerable.Repeat((byte)0xFF, 64).ToArray());
    }

    private async Task SetHeaderByteAsync(int offset, byte value)
    {
        await using var file = new FileStream(_factory.DatabasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        file.WriteByte(value);
    }

    public void Dispose() => _factory.Dispose();
}
