using ChatOps.Core.Incidents;
using ChatOps.Storage.Sqlite;
using ChatOps.TestKit;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>Kept answers are never stale: any commit, by this store, another process or a raw statement, drops them.</summary>
public sealed class SqliteReadCacheTests : IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddYears(56);
    private static readonly ChatPlace Channel = new("slack", "C1");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-sqlite-cache-");

    [Fact]
    public async Task What_another_process_commits_to_the_same_file_is_read_at_once()
    {
        var (database, store) = await OpenAsync("shared.db");
        await using var _ = database;
        var first = await Declare(store, "first");
        Assert.Single(await store.ListOpenAsync(Channel, default));
        Assert.Equal("first", (await store.FindAsync(first.Id, default))!.Title);
        Assert.Equal(1, (await store.TimelineTailAsync(first.Id, 5, default)).Total);

        // A second database object on the same file stands for another process: it shares no memory with the first.
        var (other, elsewhere) = await OpenAsync("shared.db");
        await using (other)
        {
            Assert.True(await elsewhere.TryUpdateAsync(first with { Title = "renamed", Place = Channel.WithThread("t1"), Version = 2 },
                [new TimelineEvent(first.Id, At, TestPeople.P("U2"), TimelineKind.Note, "from elsewhere")], default));
            await Declare(elsewhere, "second");
        }

        Assert.Equal(2, (await store.ListOpenAsync(Channel, default)).Count);
        Assert.Equal("renamed", (await store.FindAsync(first.Id, default))!.Title);
        Assert.Equal(first.Id, (await store.FindByThreadAsync(Channel.WithThread("t1"), default))?.Id);
        var tail = await store.TimelineTailAsync(first.Id, 5, default);
        Assert.Equal((2, "from elsewhere"), (tail.Total, tail.Events[^1].Text));
    }

    [Fact]
    public async Task A_raw_statement_on_any_connection_is_read_at_once()
    {
        var (database, store) = await OpenAsync("raw.db");
        await using var _ = database;
        var created = await Declare(store, "before");
        Assert.Equal("before", (await store.FindAsync(created.Id, default))!.Title);

        await using (var connection = await database.OpenAsync(default))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE incidents SET title = 'after', status = 'resolved'";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal("after", (await store.FindAsync(created.Id, default))!.Title);
        Assert.Empty(await store.ListOpenAsync(Channel, default));
    }

    [Fact]
    public async Task An_unchanged_database_answers_a_repeated_read_from_the_cache_until_a_commit()
    {
        var (database, store) = await OpenAsync("repeat.db");
        await using var _ = database;
        var reads = 0;
        Task<string> Read() => Task.FromResult($"answer {++reads}");
        var key = new ReadKey("test", "a");

        Assert.Equal("answer 1", await database.Reads.ReadAsync(key, Read));
        Assert.Equal("answer 1", await database.Reads.ReadAsync(key, Read));
        Assert.Equal("answer 2", await database.Reads.ReadAsync(key with { First = "b" }, Read));
        await Declare(store, "a commit");
        Assert.Equal("answer 3", await database.Reads.ReadAsync(key, Read));
        Assert.Equal("answer 3", await database.Reads.ReadAsync(key, Read));
    }

    [Fact]
    public async Task An_answer_read_while_someone_committed_is_not_kept()
    {
        var (database, store) = await OpenAsync("race.db");
        await using var _ = database;
        var reads = 0;
        var key = new ReadKey("test");
        async Task<string> ReadWhileCommitting()
        {
            reads++;
            await Declare(store, $"during read {reads}");
            return $"answer {reads}";
        }

        await database.Reads.ReadAsync(key, ReadWhileCommitting);
        await database.Reads.ReadAsync(key, ReadWhileCommitting);
        Assert.Equal(2, reads);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private async Task<(SqliteDatabase Database, SqliteIncidentStore Store)> OpenAsync(string file)
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, file));
        await database.MigrateAsync(default);
        return (database, new SqliteIncidentStore(database));
    }

    private static Task<Incident> Declare(SqliteIncidentStore store, string title) =>
        store.CreateAsync(new NewIncident(title, Severity.Sev3, Channel, TestPeople.P("U1"), At, null),
            id => [new TimelineEvent(id, At, TestPeople.P("U1"), TimelineKind.Declared, "declared")], default);
}
