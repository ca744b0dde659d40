namespace ChatOps.Storage.Sqlite;

/// <summary>The schema, as ordered steps. A released step is never edited: add a new one.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> Steps { get; } =
    [
        (1, """
            CREATE TABLE incident_counters (
                year INTEGER PRIMARY KEY,
                last INTEGER NOT NULL
            );
            CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                year INTEGER NOT NULL,
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
                status TEXT NOT NULL,
                commander TEXT,
                platform TEXT NOT NULL,
                channel TEXT NOT NULL,
                thread TEXT,
                declared_by TEXT NOT NULL,
                declared_at TEXT NOT NULL,
                resolved_at TEXT,
                impact TEXT,
                root_cause TEXT,
                resolution TEXT,
                action_items TEXT NOT NULL,
                lessons TEXT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (year, number)
            );
            CREATE INDEX incidents_open ON incidents (platform, channel) WHERE status <> 'resolved';
            CREATE UNIQUE INDEX incidents_thread ON incidents (platform, channel, thread) WHERE thread IS NOT NULL;
            CREATE TABLE timeline (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                data TEXT NOT NULL
            );
            CREATE INDEX timeline_incident ON timeline (incident_id, seq);
            CREATE TRIGGER timeline_append_only_update BEFORE UPDATE ON timeline
                BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
            CREATE TRIGGER timeline_append_only_delete BEFORE DELETE ON timeline
                BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
            """),
    ];
}
