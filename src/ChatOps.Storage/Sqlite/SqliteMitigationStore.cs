using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// Mitigation requests and their audit in the embedded database; a transition commits only from the version it was read
/// at.
/// </summary>
public sealed class SqliteMitigationStore(SqliteDatabase database) : IMitigationStore
{
    private const string InsertColumns =
        "incident_id, runbook, mitigation, title, why, revert_of, subject, requested_by, requested_at, expires_at, required_approvals, " +
        "current_state, planned, status, approvers, denied_by, reason, before_state, after_state, error, message_id, version, claimed_at, requested_state";

    private const string Columns = "id, " + InsertColumns;

    public async Task<MitigationRequest> CreateAsync(
        MitigationRequest request, Func<long, AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (request.Effect is { } effect)
        {
            await using var earlier = connection.Command(transaction, $"SELECT {Columns} FROM mitigation_requests WHERE effect = $effect");
            earlier.Parameters.AddWithValue("$effect", effect);
            if ((await Read(earlier, cancellationToken)).SingleOrDefault() is { } stored) return stored with { Effect = effect };
        }
        await using var insert = connection.Command(transaction,
            $"INSERT INTO mitigation_requests ({InsertColumns}, effect) " +
            $"VALUES ({string.Join(", ", InsertColumns.Split(", ").Select(c => "$" + c))}, $effect) RETURNING id");
        var created = request with { Version = 1 };
        Bind(insert, created);
        insert.Parameters.AddWithValue("$effect", (object?)request.Effect ?? DBNull.Value);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await Append(connection, transaction, [audit(id)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created with { Id = id };
    }

    public async Task<MitigationRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {Columns} FROM mitigation_requests WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return (await Read(command, cancellationToken)).SingleOrDefault();
    }

    // status asks for this on every view; the read cache answers it until anyone commits.
    public Task<IReadOnlyList<MitigationRequest>> ListAsync(IncidentId incident, CancellationToken cancellationToken) =>
        database.Reads.ReadAsync(new ReadKey("mitigations", incident.ToString()), () => ReadListAsync(incident, cancellationToken));

    private async Task<IReadOnlyList<MitigationRequest>> ReadListAsync(IncidentId incident, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {Columns} FROM mitigation_requests WHERE incident_id = $incident ORDER BY id");
        command.Parameters.AddWithValue("$incident", incident.ToString());
        return await Read(command, cancellationToken);
    }

    public async Task<IReadOnlyList<MitigationRequest>> ListPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {Columns} FROM mitigation_requests WHERE status = 'pending' ORDER BY id");
        return await Read(command, cancellationToken);
    }

    public async Task<IReadOnlyList<MitigationRequest>> ListExecutingAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Stored times are UTC in one fixed-width format, so they compare as text. A claim from before claims were timed counts as stale.
        await using var command = connection.Command(null,
            $"SELECT {Columns} FROM mitigation_requests WHERE status = 'executing' AND (claimed_at IS NULL OR claimed_at <= $before) " +
            "ORDER BY claimed_at, id");
        command.Parameters.AddWithValue("$before", StoredNames.Time(claimedBefore));
        return await Read(command, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(MitigationRequest updated, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.Command(transaction, """
            UPDATE mitigation_requests SET status = $status, approvers = $approvers, subject = $subject, revert_of = $revert_of,
                denied_by = $denied_by, reason = $reason, before_state = $before_state, after_state = $after_state, error = $error,
                message_id = $message_id, claimed_at = $claimed_at, version = $version
            WHERE id = $id AND version = $expected
            """);
        Bind(update, updated);
        update.Parameters.AddWithValue("$id", updated.Id);
        update.Parameters.AddWithValue("$expected", updated.Version - 1);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
        // A first line already stored means an earlier attempt of the same work made this change: roll it back.
        if (!await Append(connection, transaction, audit, cancellationToken)) return false;
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> HasEffectAsync(string effect, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var find = connection.Command(null, "SELECT 1 FROM audit WHERE effect = $effect");
        find.Parameters.AddWithValue("$effect", effect);
        return await find.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task AppendAuditAsync(IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await Append(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(IncidentId incident, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT seq, at, actor, request_id, action, outcome, before_state, after_state FROM audit " +
            "WHERE incident_id = $incident ORDER BY seq");
        command.Parameters.AddWithValue("$incident", incident.ToString());
        var entries = new List<AuditEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(StoredNames.Time(r.GetString(1)), PersonId.Parse(r.GetString(2)), incident, r.GetInt64(3),
                r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.GetInt64(0)));
        }
        return entries;
    }

    /// <summary>Appends the lines, a keyed one at most once; false when the first was already stored.</summary>
    private static async Task<bool> Append(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new List<bool>(entries.Count);
        foreach (var e in entries)
        {
            await using var insert = connection.Command(transaction, """
                INSERT INTO audit (at, actor, incident_id, request_id, action, outcome, before_state, after_state, effect)
                VALUES ($at, $actor, $incident, $request, $action, $outcome, $before, $after, $effect)
                ON CONFLICT (effect) WHERE effect IS NOT NULL DO NOTHING
                """);
            insert.Parameters.AddWithValue("$at", StoredNames.Time(e.At));
            insert.Parameters.AddWithValue("$actor", e.Actor.ToString());
            insert.Parameters.AddWithValue("$incident", e.Incident.ToString());
            insert.Parameters.AddWithValue("$request", e.Request);
            insert.Parameters.AddWithValue("$action", e.Action);
            insert.Parameters.AddWithValue("$outcome", e.Outcome);
            insert.Parameters.AddWithValue("$before", (object?)e.Before ?? DBNull.Value);
            insert.Parameters.AddWithValue("$after", (object?)e.After ?? DBNull.Value);
            insert.Parameters.AddWithValue("$effect", (object?)e.Effect ?? DBNull.Value);
            stored.Add(await insert.ExecuteNonQueryAsync(cancellationToken) == 1);
        }
        return stored is [] or [true, ..];
    }

    private static void Bind(SqliteCommand command, MitigationRequest r)
    {
        command.Parameters.AddWithValue("$incident_id", r.Incident.ToString());
        command.Parameters.AddWithValue("$runbook", r.Runbook);
        command.Parameters.AddWithValue("$mitigation", r.Mitigation);
        command.Parameters.AddWithValue("$title", r.Title);
        command.Parameters.AddWithValue("$why", r.Why);
        command.Parameters.AddWithValue("$revert_of", (object?)r.RevertOf ?? DBNull.Value);
        command.Parameters.AddWithValue("$subject", (object?)r.Subject ?? DBNull.Value);
        command.Parameters.AddWithValue("$requested_by", r.RequestedBy.ToString());
        command.Parameters.AddWithValue("$requested_at", StoredNames.Time(r.RequestedAt));
        command.Parameters.AddWithValue("$expires_at", StoredNames.Time(r.ExpiresAt));
        command.Parameters.AddWithValue("$required_approvals", r.RequiredApprovals);
        command.Parameters.AddWithValue("$current_state", r.Current);
        command.Parameters.AddWithValue("$planned", r.Planned);
        command.Parameters.AddWithValue("$status", RequestTransitions.Name(r.Status));
        command.Parameters.AddWithValue("$approvers", StorageJson.Texts(r.Approvers.Select(a => a.ToString())));
        command.Parameters.AddWithValue("$denied_by", (object?)r.DeniedBy?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", (object?)r.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$before_state", (object?)StorageJson.State(r.Before) ?? DBNull.Value);
        command.Parameters.AddWithValue("$after_state", (object?)StorageJson.State(r.After) ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)r.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$message_id", (object?)r.MessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", r.Version);
        command.Parameters.AddWithValue("$claimed_at", r.ClaimedAt is { } claimed ? StoredNames.Time(claimed) : (object)DBNull.Value);
        command.Parameters.AddWithValue("$requested_state", (object?)StorageJson.State(r.CurrentState) ?? DBNull.Value);
    }

    private static async Task<List<MitigationRequest>> Read(SqliteCommand command, CancellationToken cancellationToken)
    {
        var requests = new List<MitigationRequest>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            requests.Add(new MitigationRequest
            {
                Id = r.GetInt64(0),
                Incident = IncidentId.Parse(r.GetString(1)),
                Runbook = r.GetString(2),
                Mitigation = r.GetString(3),
                Title = r.GetString(4),
                Why = r.GetString(5),
                RevertOf = r.IsDBNull(6) ? null : r.GetInt64(6),
                Subject = r.IsDBNull(7) ? null : r.GetString(7),
                RequestedBy = PersonId.Parse(r.GetString(8)),
                RequestedAt = StoredNames.Time(r.GetString(9)),
                ExpiresAt = StoredNames.Time(r.GetString(10)),
                RequiredApprovals = r.GetInt32(11),
                Current = r.GetString(12),
                Planned = r.GetString(13),
                Status = Enum.Parse<RequestStatus>(r.GetString(14), ignoreCase: true),
                Approvers = [.. StorageJson.Texts(r.GetString(15)).Select(PersonId.Parse)],
                DeniedBy = r.IsDBNull(16) ? null : PersonId.Parse(r.GetString(16)),
                Reason = r.IsDBNull(17) ? null : r.GetString(17),
                Before = StorageJson.State(r.GetValue(18)),
                After = StorageJson.State(r.GetValue(19)),
                Error = r.IsDBNull(20) ? null : r.GetString(20),
                MessageId = r.IsDBNull(21) ? null : r.GetString(21),
                Version = r.GetInt32(22),
                ClaimedAt = r.IsDBNull(23) ? null : StoredNames.Time(r.GetString(23)),
                CurrentState = StorageJson.State(r.GetValue(24)),
            });
        }
        return requests;
    }
}
