using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;

namespace ChatOps.Storage.Postgres;

/// <summary>Alert groups and their incidents, on the PostgreSQL server beside the incidents they link to.</summary>
public sealed class PostgresAlertGroupStore(PostgresDatabase database) : IAlertGroupStore
{
    public Task<AlertGroup> SaveAsync(AlertNotification notification, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var save = connection.Command("""
                INSERT INTO alert_groups (id, group_key, notification, updated_at) VALUES (@id, @key, @notification, @at)
                ON CONFLICT (id) DO UPDATE SET group_key = excluded.group_key, notification = excluded.notification, updated_at = excluded.updated_at
                RETURNING incident_id
                """).With("id", notification.Group.Value).With("key", notification.GroupKey).With("notification", notification.ToJson())
                .WithTime("at", database.Time.GetUtcNow());
            var incident = await save.ExecuteScalarAsync(cancellationToken);
            return new AlertGroup(notification.Group, notification, incident is string id ? IncidentId.Parse(id) : null);
        }, cancellationToken);

    public Task<AlertGroup?> FindAsync(AlertGroupId id, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var find = connection.Command("SELECT notification, incident_id FROM alert_groups WHERE id = @id").With("id", id.Value);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new AlertGroup(id, AlertNotification.FromJson(reader.GetString(0)),
                    reader.GetNullableString(1) is { } linked ? IncidentId.Parse(linked) : null)
                : null;
        }, cancellationToken);

    public Task<bool> LinkAsync(AlertGroupId id, IncidentId incident, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var link = connection.Command("UPDATE alert_groups SET incident_id = @incident, updated_at = @at WHERE id = @id")
                .With("id", id.Value).With("incident", incident.ToString()).WithTime("at", database.Time.GetUtcNow());
            return await link.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
}
