using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>A database written before people belonged to a platform: its Slack ids and mentions migrate, the past stays append-only.</summary>
public sealed class PeopleMigrationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-people-migration-");

    [Fact]
    public async Task Bare_slack_ids_and_mentions_become_platform_people_and_tokens()
    {
        var path = Path.Combine(_folder.FullName, "old.db");
        await WriteOldDatabaseAsync(path);

        var database = new SqliteDatabase(path);
        await database.MigrateAsync(default);
        var incidents = new SqliteIncidentStore(database);
        var incident = (await incidents.FindAsync(new IncidentId(2026, 1), default))!;
        Assert.Equal(new PersonId("slack", "U0ALICE001"), incident.DeclaredBy);
        Assert.Equal(new PersonId("slack", "U0BOB00001"), incident.Commander);
        Assert.Equal("<@slack:U0CAROL01>", incident.ActionItems.Single().Owner);
        Assert.Null(incident.Place.Address);

        var timeline = await incidents.TimelineAsync(incident.Id, default);
        Assert.Equal([new PersonId("slack", "U0ALICE001"), Actor.System.Id], timeline.Select(e => e.Actor));
        Assert.Equal("Commander set to <@slack:U0BOB00001>", timeline[0].Text);

        var requests = new SqliteMitigationStore(database);
        var request = (await requests.FindAsync(1, default))!;
        Assert.Equal(new PersonId("slack", "U0ALICE001"), request.RequestedBy);
        Assert.Equal([new PersonId("slack", "U0BOB00001"), new PersonId("slack", "U0DAVE001")], request.Approvers);
        Assert.Equal([new PersonId("slack", "U0BOB00001")], (await requests.AuditAsync(incident.Id, default)).Select(a => a.Actor));

        // The rewrite of the past was the migration's alone: the guards are back.
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var edit = connection.CreateCommand();
        edit.CommandText = "UPDATE timeline SET text = 'edited'";
        await Assert.ThrowsAsync<SqliteException>(() => edit.ExecuteNonQueryAsync());
        edit.CommandText = "UPDATE audit SET outcome = 'edited'";
        await Assert.ThrowsAsync<SqliteException>(() => edit.ExecuteNonQueryAsync());
    }

    /// <summary>The schema of migrations 1 to 3, with rows as the bot wrote them then.</summary>
    private static async Task WriteOldDatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var sql = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"
            + string.Concat(SqliteMigrations.Steps.Where(s => s.Version <= 3).Select(s => s.Sql + $"INSERT INTO schema_migrations VALUES ({s.Version}, '2026-11-01T00:00:00Z');"))
            + """
              INSERT INTO incident_counters VALUES (2026, 1);
              INSERT INTO incidents (id, year, number, title, severity, status, commander, platform, channel, thread, declared_by, declared_at,
                  resolved_at, impact, root_cause, resolution, action_items, lessons, version)
              VALUES ('INC-2026-0001', 2026, 1, 'Old one', 3, 'investigating', 'U0BOB00001', 'slack', 'C1', '1.1', 'U0ALICE001',
                  '2026-11-01T09:00:00.0000000Z', NULL, NULL, NULL, NULL, '[{"text":"Add alert","owner":"<@U0CAROL01>","done":false}]', '[]', 2);
              INSERT INTO timeline (incident_id, at, actor, kind, text, data) VALUES
                  ('INC-2026-0001', '2026-11-01T09:01:00.0000000Z', 'U0ALICE001', 'commander-set', 'Commander set to <@U0BOB00001>', '{}'),
                  ('INC-2026-0001', '2026-11-01T09:02:00.0000000Z', 'chatops', 'note', 'from the bot', '{}');
              INSERT INTO mitigation_requests (incident_id, runbook, mitigation, title, why, requested_by, requested_at, expires_at,
                  required_approvals, current_state, planned, status, approvers, version)
              VALUES ('INC-2026-0001', 'high-latency', 'scale-inference', 'Scale', 'load', 'U0ALICE001', '2026-11-01T09:03:00.0000000Z',
                  '2026-11-01T09:18:00.0000000Z', 2, 'replicas 4', 'replicas 6', 'approved', '["U0BOB00001","U0DAVE001"]', 3);
              INSERT INTO audit (at, actor, incident_id, request_id, action, outcome) VALUES
                  ('2026-11-01T09:04:00.0000000Z', 'U0BOB00001', 'INC-2026-0001', 1, 'approve', 'pending');
              """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
