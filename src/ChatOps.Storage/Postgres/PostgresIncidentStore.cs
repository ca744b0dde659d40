using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// Incidents and their timelines on a PostgreSQL server shared by every replica; every multi-row change in one
/// transaction. No read cache: another replica's commit would not clear it.
/// </summary>
public sealed class PostgresIncidentStore(PostgresDatabase database) : IIncidentStore
{
    private const string Columns =
        "id, year, number, title, severity, status, commander, platform, channel, thread, declared_by, declared_at, resolved_at, impact, root_cause, resolution, action_items, lessons, version, address, severity_awaits_confirmation, drill";

    private static readonly string InsertIncident =
        $"INSERT INTO incidents ({Columns}, effect) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "@" + c))}, @effect)";

    public Task<Incident> CreateAsync(NewIncident incident, Func<IncidentId, IReadOnlyList<TimelineEvent>> firstEvents, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            try
            {
                return await CreateAsync(connection, incident, firstEvents, cancellationToken);
            }
            catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "incidents_effect" })
            {
                // Two attempts of one declaration raced and the other committed first: its incident is the answer.
                return await FindByEffectAsync(connection, null, incident.Effect!, cancellationToken)
                    ?? throw new InvalidOperationException($"The declaration {incident.Effect} collided with one that cannot be read back.", e);
            }
        }, cancellationToken);

    private static async Task<Incident> CreateAsync(
        NpgsqlConnection connection, NewIncident incident, Func<IncidentId, IReadOnlyList<TimelineEvent>> firstEvents, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A retried declaration: the first attempt's incident, not a second one.
        if (incident.Effect is { } effect && await FindByEffectAsync(connection, transaction, effect, cancellationToken) is { } declared)
            return declared;
        var year = incident.DeclaredAt.UtcDateTime.Year;
        // The counter's row lock orders concurrent declarations of a year; each gets the next number.
        await using var counter = connection.Command(
            "INSERT INTO incident_counters (year, last) VALUES (@year, 1) ON CONFLICT (year) DO UPDATE SET last = incident_counters.last + 1 RETURNING last",
            transaction).With("year", year);
        var number = (int)(await counter.ExecuteScalarAsync(cancellationToken))!;

        var created = incident.WithId(new IncidentId(year, number));
        await using var insert = connection.Command(InsertIncident, transaction).With("effect", incident.Effect);
        Bind(insert, created);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await Append(connection, transaction, firstEvents(created.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private static async Task<Incident?> FindByEffectAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string effect, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM incidents WHERE effect = @effect", transaction).With("effect", effect);
        return (await Read(command, cancellationToken)).SingleOrDefault();
    }

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {Columns} FROM incidents WHERE id = @id").With("id", id.ToString());
            return (await Read(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListOpenAsync(ChatPlace? channel, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Incident>>(async connection =>
        {
            await using var command = connection.Command(channel is null
                ? $"SELECT {Columns} FROM incidents WHERE status <> 'resolved' ORDER BY year DESC, number DESC"
                : $"SELECT {Columns} FROM incidents WHERE status <> 'resolved' AND platform = @platform AND channel = @channel ORDER BY year DESC, number DESC");
            if (channel is not null) command.With("platform", channel.Platform).With("channel", channel.Channel);
            return await Read(command, cancellationToken);
        }, cancellationToken);

    public async Task<Incident?> FindByThreadAsync(ChatPlace place, CancellationToken cancellationToken) =>
        place.Thread is null
            ? null
            : await database.RunAsync(async connection =>
            {
                await using var command = connection.Command(
                    $"SELECT {Columns} FROM incidents WHERE platform = @platform AND channel = @channel AND thread = @thread")
                    .With("platform", place.Platform).With("channel", place.Channel).With("thread", place.Thread);
                return (await Read(command, cancellationToken)).SingleOrDefault();
            }, cancellationToken);

    public Task<bool> TryUpdateAsync(Incident updated, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Under READ COMMITTED a second writer waits for the first's row lock, then re-reads the row: its version no
            // longer matches and it updates nothing.
            await using var update = connection.Command("""
                UPDATE incidents SET title = @title, severity = @severity, status = @status, commander = @commander,
                    platform = @platform, channel = @channel, thread = @thread, address = @address, resolved_at = @resolved_at, impact = @impact,
                    root_cause = @root_cause, resolution = @resolution, action_items = @action_items, lessons = @lessons, version = @version,
                    severity_awaits_confirmation = @severity_awaits_confirmation
                WHERE id = @id AND version = @expected
                """, transaction).With("expected", updated.Version - 1);
            Bind(update, updated);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
            // A first event already stored means an earlier attempt of the same work made this change: roll it back.
            if (await Append(connection, transaction, events, cancellationToken) is false) return false;
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> HasEffectAsync(IncidentId id, string effect, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var find = connection.Command("SELECT 1 FROM timeline WHERE effect = @effect AND incident_id = @id")
                .With("effect", effect).With("id", id.ToString());
            return await find.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    public Task AppendAsync(IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Append(connection, transaction, events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<TimelineEvent>> TimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<TimelineEvent>>(async connection =>
        {
            await using var command = connection.Command("SELECT seq, at, actor, kind, text, data FROM timeline WHERE incident_id = @id ORDER BY seq")
                .With("id", id.ToString());
            var events = new List<TimelineEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) events.Add(ReadEvent(id, reader));
            return events;
        }, cancellationToken);

    public Task<TimelineTail> TimelineTailAsync(IncidentId id, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return database.RunAsync(async connection =>
        {
            // One statement reads one snapshot, so the count always agrees with the events.
            await using var command = connection.Command("""
                SELECT seq, at, actor, kind, text, data, (SELECT count(*) FROM timeline WHERE incident_id = @id)
                FROM timeline WHERE incident_id = @id ORDER BY seq DESC LIMIT @count
                """).With("id", id.ToString()).With("count", count);
            var events = new List<TimelineEvent>(count);
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(ReadEvent(id, reader));
                total = (int)reader.GetInt64(6);
            }
            events.Reverse();
            return new TimelineTail([.. events], total);
        }, cancellationToken);
    }

    private static TimelineEvent ReadEvent(IncidentId id, NpgsqlDataReader reader) =>
        new(id, reader.GetTime(1), PersonId.Parse(reader.GetString(2)), TimelineKindNames.Parse(reader.GetString(3)),
            reader.GetString(4), StorageJson.Data(reader.GetString(5)), reader.GetInt64(0));

    /// <summary>Appends the events, a keyed one at most once; false when the first was already stored.</summary>
    private static async Task<bool> Append(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        var stored = new List<bool>(events.Count);
        foreach (var e in events)
        {
            await using var insert = connection.Command("""
                INSERT INTO timeline (incident_id, at, actor, kind, text, data, effect) VALUES (@incident, @at, @actor, @kind, @text, @data, @effect)
                ON CONFLICT (effect) WHERE effect IS NOT NULL DO NOTHING
                """, transaction)
                .With("incident", e.Incident.ToString()).WithTime("at", e.At).With("actor", e.Actor.ToString()).With("kind", e.Kind.Name())
                .With("text", e.Text).WithJson("data", StorageJson.Data(e.Details)).With("effect", e.Effect);
            stored.Add(await insert.ExecuteNonQueryAsync(cancellationToken) == 1);
        }
        return stored is [] or [true, ..];
    }

    private static void Bind(NpgsqlCommand command, Incident i) => command
        .With("id", i.Id.ToString())
        .With("year", i.Id.Year)
        .With("number", i.Id.Number)
        .With("title", i.Title)
        .With("severity", (int)i.Severity)
        .With("severity_awaits_confirmation", i.SeverityAwaitsConfirmation)
        .With("status", StoredNames.Status(i.Status))
        .With("commander", i.Commander?.ToString())
        .With("platform", i.Place.Platform)
        .With("channel", i.Place.Channel)
        .With("thread", i.Place.Thread)
        .With("address", i.Place.Address)
        .With("declared_by", i.DeclaredBy.ToString())
        .WithTime("declared_at", i.DeclaredAt)
        .WithTime("resolved_at", i.ResolvedAt)
        .With("impact", i.Impact)
        .With("root_cause", i.RootCause)
        .With("resolution", i.Resolution)
        .WithJson("action_items", StorageJson.Items(i.ActionItems))
        .WithJson("lessons", StorageJson.Texts(i.Lessons))
        .With("version", i.Version)
        .With("drill", i.Drill);

    private static async Task<List<Incident>> Read(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var incidents = new List<Incident>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            incidents.Add(new Incident
            {
                Id = new IncidentId(r.GetInt32(1), r.GetInt32(2)),
                Title = r.GetString(3),
                Severity = (Severity)r.GetInt32(4),
                SeverityAwaitsConfirmation = r.GetBoolean(20),
                Status = StoredNames.Status(r.GetString(5)),
                Commander = r.IsDBNull(6) ? null : PersonId.Parse(r.GetString(6)),
                Place = new ChatPlace(r.GetString(7), r.GetString(8), r.GetNullableString(9), r.GetNullableString(19)),
                DeclaredBy = PersonId.Parse(r.GetString(10)),
                DeclaredAt = r.GetTime(11),
                ResolvedAt = r.IsDBNull(12) ? null : r.GetTime(12),
                Impact = r.GetNullableString(13),
                RootCause = r.GetNullableString(14),
                Resolution = r.GetNullableString(15),
                ActionItems = StorageJson.Items(r.GetString(16)),
                Lessons = StorageJson.Texts(r.GetString(17)),
                Version = r.GetInt32(18),
                Drill = r.GetNullableString(21),
            });
        }
        return incidents;
    }
}
