using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Storage.Postgres;
using ChatOps.TestKit;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

/// <summary>What only a real PostgreSQL server shows: its triggers, its locks, its restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly PostgresDatabases _databases = new(fixture);

    [Fact]
    public async Task The_timeline_and_the_audit_refuse_edits_and_deletes_at_the_database()
    {
        var database = await _databases.CreateAsync();
        var incident = await Declare(new PostgresIncidentStore(database), "append-only");
        await new PostgresMitigationStore(database).CreateAsync(MitigationStoreContract.Draft(incident.Id),
            id => new AuditEntry(At, TestPeople.P("U1"), incident.Id, id, "request", "pending"), default);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in new[] { "timeline", "audit" })
        {
            foreach (var sql in new[] { $"UPDATE {table} SET actor = 'slack:U9'", $"DELETE FROM {table}", $"TRUNCATE {table}" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal($"the {table} is append-only", error.MessageText);
            }
        }
        Assert.Single(await new PostgresIncidentStore(database).TimelineAsync(incident.Id, default));
    }

    [Fact]
    public async Task A_hundred_approvals_through_two_replicas_execute_once()
    {
        var schema = await fixture.CreateSchemaAsync();
        var replicas = new[] { new PostgresMitigationStore(await _databases.OpenAsync(schema)), new PostgresMitigationStore(await _databases.OpenAsync(schema)) };
        var incident = await Declare(new PostgresIncidentStore(await _databases.OpenAsync(schema)), "approvals");
        var created = await replicas[0].CreateAsync(MitigationStoreContract.Draft(incident.Id) with { RequiredApprovals = 1 },
            id => new AuditEntry(At, TestPeople.P("U1"), incident.Id, id, "request", "pending"), default);
        var executions = 0;

        // Each replica approves and, when its approval was the one that counted, claims the execution, as MitigationExecution does.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            var updater = new RequestUpdater(replicas[i % 2], TestMeters.Mitigations);
            var (approved, refusal) = await updater.ApplyAsync(created.Id, r => RequestTransitions.Approve(r, TestPeople.P($"U-APPROVER-{i}"), At), _ => [], default);
            if (refusal is not null || approved.Status != RequestStatus.Approved) return;
            var (_, lost) = await updater.ApplyAsync(created.Id, r => RequestTransitions.Claim(r, At),
                r => [new AuditEntry(At, TestPeople.P($"U-APPROVER-{i}"), incident.Id, r.Id, "execute", "started")], default);
            if (lost is null) Interlocked.Increment(ref executions);
        })));

        Assert.Equal(1, executions);
        var stored = (await replicas[1].FindAsync(created.Id, default))!;
        Assert.Equal(RequestStatus.Executing, stored.Status);
        Assert.Single(stored.Approvers);
        Assert.Single(await replicas[0].AuditAsync(incident.Id, default), a => a.Action == "execute");
    }

    [Fact]
    public async Task Replicas_migrating_a_fresh_database_at_once_all_succeed_and_apply_each_step_once()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync($"d{Guid.NewGuid():N}");
        var replicas = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(connectionString)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.MigrateAsync(default))));

            await using var connection = await replicas[0].DataSource.OpenConnectionAsync();
            await using var count = new NpgsqlCommand("SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version", connection);
            var applied = new List<(int, long)>();
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync()) applied.Add((reader.GetInt32(0), reader.GetInt64(1)));
            Assert.Equal(PostgresMigrations.Steps.Select(s => (s.Version, 1L)), applied);
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrating_again_is_harmless_and_data_survives_a_new_pool()
    {
        var first = await _databases.CreateAsync();
        var created = await Declare(new PostgresIncidentStore(first), "kept");
        var second = await _databases.OpenAsync(first.DataSource.ConnectionString);
        Assert.Equal("kept", (await new PostgresIncidentStore(second).FindAsync(created.Id, default))?.Title);
    }

    [Fact]
    public async Task Racing_attempts_of_one_declaration_store_one_incident()
    {
        var store = new PostgresIncidentStore(await _databases.CreateAsync());
        var declaration = new NewIncident("raced", Severity.Sev2, new ChatPlace("slack", "C1"), TestPeople.P("U1"), At, null) { Effect = "item-9:declare" };
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.CreateAsync(declaration,
            id => [new TimelineEvent(id, At, TestPeople.P("U1"), TimelineKind.Declared, "declared") { Effect = "item-9:declared" }], default))));

        Assert.Single(created.Select(i => i.Id).Distinct());
        Assert.Single(await store.ListOpenAsync(null, default));
    }

    [Fact]
    public async Task A_store_outlives_a_server_restart()
    {
        var store = new PostgresIncidentStore(await _databases.CreateAsync());
        var before = await Declare(store, "before");
        // Several pooled connections, all of which the restart cuts.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.FindAsync(before.Id, default))));

        await fixture.Server.RestartAsync();

        Assert.Equal("before", (await store.FindAsync(before.Id, default))?.Title);
        var after = await Declare(store, "after");
        Assert.Equal(before.Id.Number + 1, after.Id.Number);
    }

    private static Task<Incident> Declare(IIncidentStore store, string title) =>
        store.CreateAsync(new NewIncident(title, Severity.Sev3, new ChatPlace("slack", "C1"), TestPeople.P("U1"), At, null),
            id => [new TimelineEvent(id, At, TestPeople.P("U1"), TimelineKind.Declared, "declared")], default);

    public void Dispose() => _databases.Dispose();
}
