using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// Mitigation requests and their audit on the PostgreSQL server; a transition commits only from the version it was read
/// at.
/// </summary>
public sealed class PostgresMitigationStore(PostgresDatabase database) : IMitigationStore
{
    private const string InsertColumns =
        "incident_id, runbook, mitigation, title, why, revert_of, subject, requested_by, requested_at, expires_at, required_approvals, " +
        "current_state, planned, status, approvers, denied_by, reason, before_state, after_state, error, message_id, version, claimed_at, requested_state";

    private const string Columns = "id, " + InsertColumns;

    public Task<MitigationRequest> CreateAsync(MitigationRequest request, Func<long, AuditEntry> audit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A retried request: the first attempt's row, which a racing twin may be inserting right now (the unique index waits for it).
            await using var insert = connection.Command(
                $"INSERT INTO mitigation_requests ({InsertColumns}, effect) " +
                $"VALUES ({string.Join(", ", InsertColumns.Split(", ").Select(c => "@" + c))}, @effect) " +
                "ON CONFLICT (effect) WHERE effect IS NOT NULL DO NOTHING RETURNING id", transaction);
            var created = request with { Version = 1 };
            Bind(insert, created);
            insert.With("effect", request.Effect);
            if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
            {
                await transaction.RollbackAsync(cancellationToken);
                await using var earlier = connection.Command($"SELECT {Columns} FROM mitigation_requests WHERE effect = @effect").With("effect", request.Effect);
                return (await Read(earlier, cancellationToken)).Single() with { Effect = request.Effect };
            }
            await Append(connection, transaction, [audit(id)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created with { Id = id };
        }, cancellationToken);

    public Task<MitigationRequest?> FindAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM mitigation_requests WHERE id = @id").With("id", id);
            return (await Read(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<MitigationRequest>> ListAsync(IncidentId incident, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<MitigationRequest>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM mitigation_requests WHERE incident_id = @incident ORDER BY id")
                .With("incident", incident.ToString());
            return await Read(command, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<MitigationRequest>> ListPendingAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<MitigationRequest>>(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM mitigation_requests WHERE status = 'pending' ORDER BY id");
            return await Read(command, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<MitigationRequest>> ListExecutingAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<MitigationRequest>>(async connection =>
        {
            // A claim from before claims were timed counts as stale, and comes first.
            await using var command = connection.Command(
                $"SELECT {Columns} FROM mitigation_requests WHERE status = 'executing' AND (claimed_at IS NULL OR claimed_at <= @before) " +
                "ORDER BY claimed_at NULLS FIRST, id").WithTime("before", claimedBefore);
            return await Read(command, cancellationToken);
        }, cancellationToken);

    public Task<bool> TryUpdateAsync(MitigationRequest updated, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A second writer waits for the first's row lock, re-reads the row and finds its version gone: nothing updated.
            await using var update = connection.Command("""
                UPDATE mitigation_requests SET status = @status, approvers = @approvers, subject = @subject, revert_of = @revert_of,
                    denied_by = @denied_by, reason = @reason, before_state = @before_state, after_state = @after_state, error = @error,
                    message_id = @message_id, claimed_at = @claimed_at, version = @version
                WHERE id = @id AND version = @expected
                """, transaction).With("id", updated.Id).With("expected", updated.Version - 1);
            Bind(update, updated);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
            // A first line already stored means an earlier attempt of the same work made this change: roll it back.
            if (!await Append(connection, transaction, audit, cancellationToken)) return false;
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Append(connection, transaction, audit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(IncidentId incident, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<AuditEntry>>(async connection =>
        {
            await using var command = connection.Command(
                "SELECT seq, at, actor, request_id, action, outcome, before_state, after_state FROM audit " +
                "WHERE incident_id = @incident ORDER BY seq").With("incident", incident.ToString());
            var entries = new List<AuditEntry>();
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                entries.Add(new AuditEntry(r.GetTime(1), PersonId.Parse(r.GetString(2)), incident, r.GetInt64(3),
                    r.GetString(4), r.GetString(5), r.GetNullableString(6), r.GetNullableString(7), r.GetInt64(0)));
            }
            return entries;
        }, cancellationToken);

    /// <summary>Appends the lines, a keyed one at most once; false when the first was already stored.</summary>
    private static async Task<bool> Append(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new List<bool>(entries.Count);
        foreach (var e in entries)
        {
            await using var insert = connection.Command("""
                INSERT INTO audit (at, actor, incident_id, request_id, action, outcome, before_state, after_state, effect)
                VALUES (@at, @actor, @incident, @request, @action, @outcome, @before, @after, @effect)
                ON CONFLICT (effect) WHERE effect IS NOT NULL DO NOTHING
                """, transaction)
                .WithTime("at", e.At).With("actor", e.Actor.ToString()).With("incident", e.Incident.ToString()).With("request", e.Request)
                .With("action", e.Action).With("outcome", e.Outcome).With("before", e.Before).With("after", e.After).With("effect", e.Effect);
            stored.Add(await insert.ExecuteNonQueryAsync(cancellationToken) == 1);
        }
        return stored is [] or [true, ..];
    }

    public Task<bool> HasEffectAsync(string effect, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var find = connection.Command("SELECT 1 FROM audit WHERE effect = @effect").With("effect", effect);
            return await find.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    private static void Bind(NpgsqlCommand command, MitigationRequest r) => command
        .With("incident_id", r.Incident.ToString())
        .With("runbook", r.Runbook)
        .With("mitigation", r.Mitigation)
        .With("title", r.Title)
        .With("why", r.Why)
        .With("revert_of", r.RevertOf)
        .With("subject", r.Subject)
        .With("requested_by", r.RequestedBy.ToString())
        .WithTime("requested_at", r.RequestedAt)
        .WithTime("expires_at", r.ExpiresAt)
        .With("required_approvals", r.RequiredApprovals)
        .With("current_state", r.Current)
        .With("planned", r.Planned)
        .With("status", RequestTransitions.Name(r.Status))
        .WithJson("approvers", StorageJson.Texts(r.Approvers.Select(a => a.ToString())))
        .With("denied_by", r.DeniedBy?.ToString())
        .With("reason", r.Reason)
        .WithJson("before_state", StorageJson.State(r.Before))
        .WithJson("after_state", StorageJson.State(r.After))
        .With("error", r.Error)
        .With("message_id", r.MessageId)
        .With("version", r.Version)
        .WithTime("claimed_at", r.ClaimedAt)
        .WithJson("requested_state", StorageJson.State(r.CurrentState));

    private static async Task<List<MitigationRequest>> Read(NpgsqlCommand command, CancellationToken cancellationToken)
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
                Subject = r.GetNullableString(7),
                RequestedBy = PersonId.Parse(r.GetString(8)),
                RequestedAt = r.GetTime(9),
                ExpiresAt = r.GetTime(10),
                RequiredApprovals = r.GetInt32(11),
                Current = r.GetString(12),
                Planned = r.GetString(13),
                Status = Enum.Parse<RequestStatus>(r.GetString(14), ignoreCase: true),
                Approvers = [.. StorageJson.Texts(r.GetString(15)).Select(PersonId.Parse)],
                DeniedBy = r.IsDBNull(16) ? null : PersonId.Parse(r.GetString(16)),
                Reason = r.GetNullableString(17),
                Before = StorageJson.State(r.GetValue(18)),
                After = StorageJson.State(r.GetValue(19)),
                Error = r.GetNullableString(20),
                MessageId = r.GetNullableString(21),
                Version = r.GetInt32(22),
                ClaimedAt = r.IsDBNull(23) ? null : r.GetTime(23),
                CurrentState = StorageJson.State(r.GetValue(24)),
            });
        }
        return requests;
    }
}
