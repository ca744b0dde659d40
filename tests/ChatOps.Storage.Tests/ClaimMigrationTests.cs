using ChatOps.Core.Mitigations;
using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>A database from before claims were timed: a request left executing then is found for reconciliation at once.</summary>
public sealed class ClaimMigrationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-claim-migration-");

    [Fact]
    public async Task An_execution_stranded_before_the_migration_is_stale_and_keeps_its_fields()
    {
        var path = Path.Combine(_folder.FullName, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"
                + string.Concat(SqliteMigrations.Steps.Where(s => s.Version <= 6).Select(s => s.Sql + $"INSERT INTO schema_migrations VALUES ({s.Version}, '2026-11-01T00:00:00Z');"))
                + """
                  INSERT INTO incidents (id, year, number, title, severity, status, platform, channel, declared_by, declared_at, action_items, lessons, version)
                  VALUES ('INC-2026-0001', 2026, 1, 'Old one', 3, 'investigating', 'slack', 'C1', 'slack:U0ALICE001', '2026-11-01T09:00:00.0000000Z', '[]', '[]', 1);
                  INSERT INTO mitigation_requests (incident_id, runbook, mitigation, title, why, requested_by, requested_at, expires_at,
                      required_approvals, current_state, planned, status, approvers, version)
                  VALUES ('INC-2026-0001', 'high-latency', 'scale-inference', 'Scale', 'load', 'slack:U0ALICE001', '2026-11-01T09:03:00.0000000Z',
                      '2026-11-01T09:18:00.0000000Z', 1, 'replicas 4', 'replicas 6', 'executing', '["slack:U0BOB00001"]', 3);
                  """;
            await command.ExecuteNonQueryAsync();
        }

        var database = new SqliteDatabase(path);
        await database.MigrateAsync(default);

        var stale = Assert.Single(await new SqliteMitigationStore(database).ListExecutingAsync(DateTimeOffset.UnixEpoch, default));
        Assert.Equal((RequestStatus.Executing, "replicas 4", "replicas 6", 3), (stale.Status, stale.Current, stale.Planned, stale.Version));
        Assert.Null(stale.ClaimedAt);
        Assert.Null(stale.CurrentState);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
