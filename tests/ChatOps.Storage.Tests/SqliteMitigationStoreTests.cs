using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Storage.Sqlite;
using ChatOps.TestKit;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>The SQLite mitigation store against the shared contract, plus two "replicas" sharing one file.</summary>
public sealed class SqliteMitigationStoreTests : MitigationStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-sqlite-");

    protected override async Task<(IMitigationStore Store, IncidentId Incident)> CreateStoreAsync()
    {
        var (database, incident) = await NewDatabaseAsync();
        return (new SqliteMitigationStore(database), incident);
    }

    [Fact]
    public async Task Approvals_from_two_replicas_on_one_database_execute_once()
    {
        var (database, incident) = await NewDatabaseAsync();
        var replicas = new[] { new SqliteMitigationStore(database), new SqliteMitigationStore(new SqliteDatabase(database.Path)) };
        var created = await replicas[0].CreateAsync(Draft(incident) with { RequiredApprovals = 1 }, id => new AuditEntry(DateTimeOffset.UnixEpoch, TestPeople.P("U1"), incident, id, "request", "pending"), default);
        var now = Draft(incident).RequestedAt;
        var executions = 0;

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            var updater = new RequestUpdater(replicas[i % 2], TestMeters.Mitigations);
            var (approved, refusal) = await updater.ApplyAsync(created.Id, r => RequestTransitions.Approve(r, TestPeople.P($"U-APPROVER-{i}"), now), _ => [], default);
            if (refusal is not null || approved.Status != RequestStatus.Approved) return;
            var (_, lost) = await updater.ApplyAsync(created.Id, r => RequestTransitions.Claim(r, now), _ => [], default);
            if (lost is null) Interlocked.Increment(ref executions);
        })));

        Assert.Equal(1, executions);
        var stored = (await replicas[1].FindAsync(created.Id, default))!;
        Assert.Equal(RequestStatus.Executing, stored.Status);
        Assert.Single(stored.Approvers);
    }

    [Fact]
    public async Task The_audit_refuses_edits_and_deletes_at_the_database()
    {
        var (database, incident) = await NewDatabaseAsync();
        await new SqliteMitigationStore(database).CreateAsync(Draft(incident), id => new AuditEntry(DateTimeOffset.UnixEpoch, TestPeople.P("U1"), incident, id, "request", "pending"), default);
        await using var connection = await database.OpenAsync(default);
        foreach (var sql in new[] { "UPDATE audit SET outcome = 'approved'", "DELETE FROM audit" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    private async Task<(SqliteDatabase Database, IncidentId Incident)> NewDatabaseAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.db"));
        await database.MigrateAsync(default);
        var incident = await new SqliteIncidentStore(database).CreateAsync(
            new NewIncident("mitigated", Severity.Sev3, new ChatPlace("slack", "C1"), TestPeople.P("U1"), new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), null), _ => [], default);
        return (database, incident.Id);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
