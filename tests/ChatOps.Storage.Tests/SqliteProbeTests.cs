using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>The probe readiness runs: a committed write to the file as it is now at its path, and quick_check once at start.</summary>
public sealed class SqliteProbeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-sqlite-probe-");

    private async Task<SqliteDatabase> MigratedAsync(string name)
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, name));
        await database.MigrateAsync(default);
        return database;
    }

    [Fact]
    public async Task A_sound_file_passes_quick_check_and_takes_the_probe_write()
    {
        await using var database = await MigratedAsync("sound.db");
        var probe = new SqliteProbe(database);

        Assert.Null(await probe.QuickCheckAsync(default));
        await probe.WriteAsync(default);
        await probe.WriteAsync(default);

        await using var connection = await database.OpenAsync(default);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM storage_probe";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_file_sqlite_must_treat_as_read_only_fails_the_write_with_the_reason()
    {
        var path = Path.Combine(_folder.FullName, "read-only.db");
        await (await MigratedAsync("read-only.db")).DisposeAsync();
        SqliteConnection.ClearAllPools();
        // The header's write version above 2 makes SQLite open the file read-only, for root as for anyone.
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(18, SeekOrigin.Begin);
            file.WriteByte(3);
        }

        var failed = await Assert.ThrowsAsync<SqliteException>(() => new SqliteProbe(new SqliteDatabase(path)).WriteAsync(default));

        Assert.Equal(8, failed.SqliteErrorCode);
    }

    [Fact]
    public async Task A_missing_file_fails_the_write_and_is_not_created()
    {
        var path = Path.Combine(_folder.FullName, "gone.db");

        await Assert.ThrowsAsync<SqliteException>(() => new SqliteProbe(new SqliteDatabase(path)).WriteAsync(default));

        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
