using ChatOps.Core.Incidents;
using ChatOps.Storage.Sqlite;
using ChatOps.TestKit;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>The SQLite store against the shared contract, plus what only a file on disk can show.</summary>
public sealed class SqliteIncidentStoreTests : IncidentStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-sqlite-");

    protected override async Task<IIncidentStore> CreateStoreAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.db"));
        await database.MigrateAsync(default);
        return new SqliteIncidentStore(database);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless_and_data_survives_a_new_store()
    {
        var path = Path.Combine(_folder.FullName, "twice.db");
        var first = new SqliteDatabase(path);
        await first.MigrateAsync(default);
        var created = await new SqliteIncidentStore(first).CreateAsync(
            new NewIncident("kept", Severity.Sev3, new ChatPlace("slack", "C1"), TestPeople.P("U1"), DateTimeOffset.UnixEpoch.AddYears(56), null), _ => [], default);

        var second = new SqliteDatabase(path);
        await second.MigrateAsync(default);
        Assert.Equal("kept", (await new SqliteIncidentStore(second).FindAsync(created.Id, default))?.Title);
    }

    [Fact]
    public async Task The_timeline_refuses_edits_and_deletes_at_the_database()
    {
        var path = Path.Combine(_folder.FullName, "append-only.db");
        var database = new SqliteDatabase(path);
        await database.MigrateAsync(default);
        var store = new SqliteIncidentStore(database);
        var created = await store.CreateAsync(new NewIncident("x", Severity.Sev3, new ChatPlace("slack", "C1"), TestPeople.P("U1"), DateTimeOffset.UnixEpoch.AddYears(56), null),
            id => [new TimelineEvent(id, DateTimeOffset.UnixEpoch.AddYears(56), TestPeople.P("U1"), TimelineKind.Declared, "declared")], default);

        await using var connection = await database.OpenAsync(default);
        foreach (var sql in new[] { "UPDATE timeline SET text = 'rewritten'", "DELETE FROM timeline" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal("declared", Assert.Single(await store.TimelineAsync(created.Id, default)).Text);
    }

    [Fact]
    public async Task A_returned_session_is_lent_again_with_the_statements_it_prepared()
    {
        await using var database = new SqliteDatabase(Path.Combine(_folder.FullName, "sessions.db"));
        await database.MigrateAsync(default);
        SqliteCommand prepared;
        await using (var session = await database.LeaseAsync(default)) prepared = session.Command("SELECT count(*) FROM incidents");
        await using (var session = await database.LeaseAsync(default))
        {
            Assert.Same(prepared, session.Command("SELECT count(*) FROM incidents"));
            Assert.Equal(0L, await prepared.ExecuteScalarAsync());
        }
        await database.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await database.LeaseAsync(default));
    }

    [Fact]
    public async Task A_failed_statement_leaves_its_session_fit_for_the_next_operation()
    {
        var path = Path.Combine(_folder.FullName, "failure.db");
        await using var database = new SqliteDatabase(path);
        await database.MigrateAsync(default);
        var store = new SqliteIncidentStore(database);
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        // An event of an incident that does not exist breaks the foreign key halfway through the transaction.
        await Assert.ThrowsAsync<SqliteException>(() => store.AppendAsync([new TimelineEvent(new IncidentId(2026, 404), at, TestPeople.P("U1"), TimelineKind.Note, "orphan")], default));

        var created = await store.CreateAsync(new NewIncident("after", Severity.Sev3, new ChatPlace("slack", "C1"), TestPeople.P("U1"), at, null),
            id => [new TimelineEvent(id, at, TestPeople.P("U1"), TimelineKind.Declared, "declared")], default);
        Assert.Equal(created, await store.FindAsync(created.Id, default));
        Assert.Equal("declared", Assert.Single(await store.TimelineAsync(created.Id, default)).Text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
