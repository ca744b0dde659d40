using System.Globalization;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// The embedded incident store: one SQLite file; every multi-row change in one transaction. The reads that answer
/// quick views (an incident, a channel's open ones, the newest events) are kept by <see cref="SqliteReadCache"/>
/// until the next commit by anyone.
/// </summary>
public sealed class SqliteIncidentStore(SqliteDatabase database) : IIncidentStore
{
    private const string Columns =
        "id, year, number, title, severity, status, commander, platform, channel, thread, declared_by, declared_at, resolved_at, impact, root_cause, resolution, action_items, lessons, version, address, severity_awaits_confirmation, drill";

    private static readonly string InsertIncident =
        $"INSERT INTO incidents ({Columns}, effect) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "$" + c))}, $effect)";

    public async Task<Incident> CreateAsync(NewIncident incident, Func<IncidentId, IReadOnlyList<TimelineEvent>> firstEvents, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        if (incident.Effect is { } effect)
        {
            // A retried declaration: the first attempt's incident, not a second one.
            var earlier = session.Command($"SELECT {Columns} FROM incidents WHERE effect = $effect", transaction);
            earlier.Parameters.AddWithValue("$effect", effect);
            if ((await Read(earlier, cancellationToken)).SingleOrDefault() is { } declared) return declared;
        }
        var year = incident.DeclaredAt.UtcDateTime.Year;
        var counter = session.Command(
            "INSERT INTO incident_counters (year, last) VALUES ($year, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last", transaction);
        counter.Parameters.AddWithValue("$year", year);
        var number = Convert.ToInt32(await counter.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var created = incident.WithId(new IncidentId(year, number));
        var insert = session.Command(InsertIncident, transaction);
        Bind(insert, created);
        insert.Parameters.AddWithValue("$effect", (object?)incident.Effect ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await Append(session, transaction, firstEvents(created.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        database.Reads.ReadAsync(new ReadKey("find", id.ToString()), () => ReadOneAsync(id, cancellationToken));

    private async Task<Incident?> ReadOneAsync(IncidentId id, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var command = session.Command($"SELECT {Columns} FROM incidents WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.ToString());
        return (await Read(command, cancellationToken)).SingleOrDefault();
    }

    public Task<IReadOnlyList<Incident>> ListOpenAsync(ChatPlace? channel, CancellationToken cancellationToken) =>
        database.Reads.ReadAsync(new ReadKey("open", channel?.Platform, channel?.Channel), () => ReadOpenAsync(channel, cancellationToken));

    private async Task<IReadOnlyList<Incident>> ReadOpenAsync(ChatPlace? channel, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var command = session.Command(channel is null
            ? $"SELECT {Columns} FROM incidents WHERE status <> 'resolved' ORDER BY year DESC, number DESC"
            : $"SELECT {Columns} FROM incidents WHERE status <> 'resolved' AND platform = $platform AND channel = $channel ORDER BY year DESC, number DESC");
        if (channel is not null)
        {
            command.Parameters.AddWithValue("$platform", channel.Platform);
            command.Parameters.AddWithValue("$channel", channel.Channel);
        }
        return [.. await Read(command, cancellationToken)];
    }

    public async Task<Incident?> FindByThreadAsync(ChatPlace place, CancellationToken cancellationToken) =>
        place.Thread is null
            ? null
            : await database.Reads.ReadAsync(new ReadKey("thread", place.Platform, place.Channel, place.Thread), () => ReadByThreadAsync(place, cancellationToken));

    private async Task<Incident?> ReadByThreadAsync(ChatPlace place, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var command = session.Command($"SELECT {Columns} FROM incidents WHERE platform = $platform AND channel = $channel AND thread = $thread");
        command.Parameters.AddWithValue("$platform", place.Platform);
        command.Parameters.AddWithValue("$channel", place.Channel);
        command.Parameters.AddWithValue("$thread", place.Thread);
        return (await Read(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> TryUpdateAsync(Incident updated, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        var update = session.Command("""
            UPDATE incidents SET title = $title, severity = $severity, status = $status, commander = $commander,
                platform = $platform, channel = $channel, thread = $thread, address = $address, resolved_at = $resolved_at, impact = $impact,
                root_cause = $root_cause, resolution = $resolution, action_items = $action_items, lessons = $lessons, version = $version,
                severity_awaits_confirmation = $severity_awaits_confirmation
            WHERE id = $id AND version = $expected
            """, transaction);
        Bind(update, updated);
        update.Parameters.AddWithValue("$expected", updated.Version - 1);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
        // A first event already stored means an earlier attempt of the same work made this change: roll it back.
        if (await Append(session, transaction, events, cancellationToken) is false) return false;
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> HasEffectAsync(IncidentId id, string effect, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var find = session.Command("SELECT 1 FROM timeline WHERE effect = $effect AND incident_id = $id");
        find.Parameters.AddWithValue("$effect", effect);
        find.Parameters.AddWithValue("$id", id.ToString());
        return await find.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task AppendAsync(IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        await Append(session, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(IncidentId id, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var command = session.Command("SELECT seq, at, actor, kind, text, data FROM timeline WHERE incident_id = $id ORDER BY seq");
        command.Parameters.AddWithValue("$id", id.ToString());
        var events = new List<TimelineEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) events.Add(ReadEvent(id, reader));
        return events;
    }

    public Task<TimelineTail> TimelineTailAsync(IncidentId id, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return database.Reads.ReadAsync(new ReadKey("tail", id.ToString(), Number: count), () => ReadTailAsync(id, count, cancellationToken));
    }

    private async Task<TimelineTail> ReadTailAsync(IncidentId id, int count, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        // One statement reads one snapshot, so the count always agrees with the events. The index on (incident_id, seq)
        // is walked newest first and reading stops after `count` rows. No LIMIT parameter: SQLite's planner watches a
        // bound LIMIT, so binding it again makes SQLite prepare the statement anew on every run (3x the cost here).
        var command = session.Command("""
            SELECT seq, at, actor, kind, text, data, (SELECT count(*) FROM timeline WHERE incident_id = $id)
            FROM timeline WHERE incident_id = $id ORDER BY seq DESC
            """);
        command.Parameters.AddWithValue("$id", id.ToString());
        var events = new List<TimelineEvent>(count);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (events.Count < count && await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(id, reader));
            total = reader.GetInt32(6);
        }
        events.Reverse();
        return new TimelineTail([.. events], total);
    }

    private static TimelineEvent ReadEvent(IncidentId id, SqliteDataReader reader) =>
        new(id, StoredNames.Time(reader.GetString(1)), PersonId.Parse(reader.GetString(2)), TimelineKindNames.Parse(reader.GetString(3)),
            reader.GetString(4), StorageJson.Data(reader.GetString(5)), reader.GetInt64(0));

    /// <summary>Appends the events, a keyed one at most once; false when the first was already stored.</summary>
    private static async Task<bool> Append(SqliteSession session, SqliteTransaction transaction, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        var stored = new List<bool>(events.Count);
        foreach (var e in events)
        {
            var insert = session.Command("""
                INSERT INTO timeline (incident_id, at, actor, kind, text, data, effect) VALUES ($incident, $at, $actor, $kind, $text, $data, $effect)
                ON CONFLICT (effect) WHERE effect IS NOT NULL DO NOTHING
                """, transaction);
            insert.Parameters.AddWithValue("$incident", e.Incident.ToString());
            insert.Parameters.AddWithValue("$at", StoredNames.Time(e.At));
            insert.Parameters.AddWithValue("$actor", e.Actor.ToString());
            insert.Parameters.AddWithValue("$kind", e.Kind.Name());
            insert.Parameters.AddWithValue("$text", e.Text);
            insert.Parameters.AddWithValue("$data", StorageJson.Data(e.Details));
            insert.Parameters.AddWithValue("$effect", (object?)e.Effect ?? DBNull.Value);
            stored.Add(await insert.ExecuteNonQueryAsync(cancellationToken) == 1);
        }
        return stored is [] or [true, ..];
    }


    private static void Bind(SqliteCommand command, Incident i)
    {
        command.Parameters.AddWithValue("$id", i.Id.ToString());
        command.Parameters.AddWithValue("$year", i.Id.Year);
        command.Parameters.AddWithValue("$number", i.Id.Number);
        command.Parameters.AddWithValue("$title", i.Title);
        command.Parameters.AddWithValue("$severity", (int)i.Severity);
        command.Parameters.AddWithValue("$severity_awaits_confirmation", i.SeverityAwaitsConfirmation ? 1 : 0);
        command.Parameters.AddWithValue("$status", StoredNames.Status(i.Status));
        command.Parameters.AddWithValue("$commander", (object?)i.Commander?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$platform", i.Place.Platform);
        command.Parameters.AddWithValue("$channel", i.Place.Channel);
        command.Parameters.AddWithValue("$thread", (object?)i.Place.Thread ?? DBNull.Value);
        command.Parameters.AddWithValue("$address", (object?)i.Place.Address ?? DBNull.Value);
        command.Parameters.AddWithValue("$declared_by", i.DeclaredBy.ToString());
        command.Parameters.AddWithValue("$declared_at", StoredNames.Time(i.DeclaredAt));
        command.Parameters.AddWithValue("$resolved_at", i.ResolvedAt is { } r ? StoredNames.Time(r) : DBNull.Value);
        command.Parameters.AddWithValue("$impact", (object?)i.Impact ?? DBNull.Value);
        command.Parameters.AddWithValue("$root_cause", (object?)i.RootCause ?? DBNull.Value);
        command.Parameters.AddWithValue("$resolution", (object?)i.Resolution ?? DBNull.Value);
        command.Parameters.AddWithValue("$action_items", StorageJson.Items(i.ActionItems));
        command.Parameters.AddWithValue("$lessons", StorageJson.Texts(i.Lessons));
        command.Parameters.AddWithValue("$version", i.Version);
        command.Parameters.AddWithValue("$drill", (object?)i.Drill ?? DBNull.Value);
    }

    private static async Task<List<Incident>> Read(SqliteCommand command, CancellationToken cancellationToken)
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
                SeverityAwaitsConfirmation = r.GetInt32(20) != 0,
                Status = StoredNames.Status(r.GetString(5)),
                Commander = r.IsDBNull(6) ? null : PersonId.Parse(r.GetString(6)),
                Place = new ChatPlace(r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(19) ? null : r.GetString(19)),
                DeclaredBy = PersonId.Parse(r.GetString(10)),
                DeclaredAt = StoredNames.Time(r.GetString(11)),
                ResolvedAt = r.IsDBNull(12) ? null : StoredNames.Time(r.GetString(12)),
                Impact = r.IsDBNull(13) ? null : r.GetString(13),
                RootCause = r.IsDBNull(14) ? null : r.GetString(14),
                Resolution = r.IsDBNull(15) ? null : r.GetString(15),
                ActionItems = StorageJson.Items(r.GetString(16)),
                Lessons = StorageJson.Texts(r.GetString(17)),
                Version = r.GetInt32(18),
                Drill = r.IsDBNull(21) ? null : r.GetString(21),
            });
        }
        return incidents;
    }
}
