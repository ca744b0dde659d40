using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;

namespace ChatOps.Storage.Sqlite;

/// <summary>Alert groups and their incidents, in the embedded database beside the incidents they link to.</summary>
public sealed class SqliteAlertGroupStore(SqliteDatabase database) : IAlertGroupStore
{
    public async Task<AlertGroup> SaveAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var save = session.Command("""
            INSERT INTO alert_groups (id, group_key, notification, updated_at) VALUES ($id, $key, $notification, $at)
            ON CONFLICT (id) DO UPDATE SET group_key = excluded.group_key, notification = excluded.notification, updated_at = excluded.updated_at
            RETURNING incident_id
            """);
        save.Parameters.AddWithValue("$id", notification.Group.Value);
        save.Parameters.AddWithValue("$key", notification.GroupKey);
        save.Parameters.AddWithValue("$notification", notification.ToJson());
        save.Parameters.AddWithValue("$at", StoredNames.Time(database.Time.GetUtcNow()));
        var incident = await save.ExecuteScalarAsync(cancellationToken);
        return new AlertGroup(notification.Group, notification, incident is string id ? IncidentId.Parse(id) : null);
    }

    public async Task<AlertGroup?> FindAsync(AlertGroupId id, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var find = session.Command("SELECT notification, incident_id FROM alert_groups WHERE id = $id");
        find.Parameters.AddWithValue("$id", id.Value);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AlertGroup(id, AlertNotification.FromJson(reader.GetString(0)), reader.IsDBNull(1) ? null : IncidentId.Parse(reader.GetString(1)))
            : null;
    }

    public async Task<bool> LinkAsync(AlertGroupId id, IncidentId incident, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var link = session.Command("UPDATE alert_groups SET incident_id = $incident, updated_at = $at WHERE id = $id");
        link.Parameters.AddWithValue("$id", id.Value);
        link.Parameters.AddWithValue("$incident", incident.ToString());
        link.Parameters.AddWithValue("$at", StoredNames.Time(database.Time.GetUtcNow()));
        return await link.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
