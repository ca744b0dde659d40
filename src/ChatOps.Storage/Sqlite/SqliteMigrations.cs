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
        (2, """
            CREATE TABLE mitigation_requests (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                runbook TEXT NOT NULL,
                mitigation TEXT NOT NULL,
                title TEXT NOT NULL,
                why TEXT NOT NULL,
                revert_of INTEGER,
                subject TEXT,
                requested_by TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                required_approvals INTEGER NOT NULL,
                current_state TEXT NOT NULL,
                planned TEXT NOT NULL,
                status TEXT NOT NULL,
                approvers TEXT NOT NULL,
                denied_by TEXT,
                reason TEXT,
                before_state TEXT,
                after_state TEXT,
                error TEXT,
                message_id TEXT,
                version INTEGER NOT NULL
            );
            CREATE INDEX mitigation_requests_incident ON mitigation_requests (incident_id, id);
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                incident_id TEXT NOT NULL,
                request_id INTEGER NOT NULL,
                action TEXT NOT NULL,
                outcome TEXT NOT NULL,
                before_state TEXT,
                after_state TEXT
            );
            CREATE INDEX audit_incident ON audit (incident_id, seq);
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            """),
        (3, """
            CREATE INDEX mitigation_requests_open ON mitigation_requests (status) WHERE status IN ('pending', 'approved', 'executing');
            """),
        // People become platform:user (every earlier id was Slack's, the bot's own was 'chatops'), mentions in stored
        // text become the core's tokens, and a chat place keeps its adapter's address. The append-only guards step
        // aside for this one rewrite of the past and are put back as they were.
        (4, """
            ALTER TABLE incidents ADD COLUMN address TEXT;
            UPDATE incidents SET
                declared_by = CASE WHEN declared_by = 'chatops' THEN 'chatops:bot' ELSE 'slack:' || declared_by END,
                commander = CASE WHEN commander IS NULL OR instr(commander, ':') > 0 THEN commander
                    WHEN commander LIKE '@%' THEN NULL ELSE 'slack:' || commander END,
                action_items = replace(replace(action_items, '<@U', '<@slack:U'), '<@W', '<@slack:W'),
                impact = replace(replace(impact, '<@U', '<@slack:U'), '<@W', '<@slack:W'),
                root_cause = replace(replace(root_cause, '<@U', '<@slack:U'), '<@W', '<@slack:W'),
                resolution = replace(replace(resolution, '<@U', '<@slack:U'), '<@W', '<@slack:W')
            WHERE instr(declared_by, ':') = 0;
            UPDATE mitigation_requests SET
                requested_by = CASE WHEN instr(requested_by, ':') > 0 THEN requested_by
                    WHEN requested_by = 'chatops' THEN 'chatops:bot' ELSE 'slack:' || requested_by END,
                denied_by = CASE WHEN denied_by IS NULL OR instr(denied_by, ':') > 0 THEN denied_by ELSE 'slack:' || denied_by END,
                approvers = (SELECT coalesce(json_group_array(CASE WHEN instr(value, ':') > 0 THEN value ELSE 'slack:' || value END), '[]')
                             FROM json_each(mitigation_requests.approvers));
            DROP TRIGGER timeline_append_only_update;
            UPDATE timeline SET
                actor = CASE WHEN instr(actor, ':') > 0 THEN actor WHEN actor = 'chatops' THEN 'chatops:bot' ELSE 'slack:' || actor END,
                text = replace(replace(text, '<@U', '<@slack:U'), '<@W', '<@slack:W');
            CREATE TRIGGER timeline_append_only_update BEFORE UPDATE ON timeline
                BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;
            DROP TRIGGER audit_append_only_update;
            UPDATE audit SET actor = CASE WHEN instr(actor, ':') > 0 THEN actor
                WHEN actor = 'chatops' THEN 'chatops:bot' ELSE 'slack:' || actor END;
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
            """),
        // One row that readiness overwrites: a committed write is the only proof that the file takes writes.
        (5, """
            CREATE TABLE storage_probe (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                probed_at TEXT NOT NULL
            );
            """),
        // A SEV1 or SEV2 declared by someone who is not a manager waits for a manager's confirmation; earlier ones need none.
        (6, """
            ALTER TABLE incidents ADD COLUMN severity_awaits_confirmation INTEGER NOT NULL DEFAULT 0;
            """),
        // Accepted means stored: the durable work queue (times in Unix milliseconds, compared as numbers), the keys that
        // make a retried item's timeline writes and chat posts happen once, and short-lived claims of repeated gestures.
        (7, """
            CREATE TABLE work_items (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                ordering_key TEXT,
                delivery_key TEXT UNIQUE,
                state TEXT NOT NULL CHECK (state IN ('ready', 'done', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                enqueued_at INTEGER NOT NULL,
                not_before INTEGER NOT NULL,
                lease_owner TEXT,
                lease_until INTEGER,
                finished_at INTEGER,
                last_error TEXT
            );
            CREATE INDEX work_items_ready ON work_items (seq) WHERE state = 'ready';
            CREATE INDEX work_items_order ON work_items (ordering_key, seq) WHERE state = 'ready';
            CREATE INDEX work_items_done ON work_items (finished_at) WHERE state = 'done';
            ALTER TABLE timeline ADD COLUMN effect TEXT;
            CREATE UNIQUE INDEX timeline_effect ON timeline (effect) WHERE effect IS NOT NULL;
            ALTER TABLE incidents ADD COLUMN effect TEXT;
            CREATE UNIQUE INDEX incidents_effect ON incidents (effect) WHERE effect IS NOT NULL;
            CREATE TABLE message_journal (
                key TEXT PRIMARY KEY,
                message_id TEXT NOT NULL,
                sent_at INTEGER NOT NULL
            );
            CREATE TABLE delivery_claims (
                key TEXT PRIMARY KEY,
                until INTEGER NOT NULL
            );
            """),
        // An execution records when it claimed its request, so that one whose process died
        // is found once its lease runs out; a request keeps the whole state read when it was made, which tells whether
        // that execution changed anything. Requests from before stay NULL in both.
        (8, """
            ALTER TABLE mitigation_requests ADD COLUMN claimed_at TEXT;
            ALTER TABLE mitigation_requests ADD COLUMN requested_state TEXT;
            """),
        // A retried work item gets the request its first attempt stored, and finds the transitions it made.
        (9, """
            ALTER TABLE mitigation_requests ADD COLUMN effect TEXT;
            CREATE UNIQUE INDEX mitigation_requests_effect ON mitigation_requests (effect) WHERE effect IS NOT NULL;
            ALTER TABLE audit ADD COLUMN effect TEXT;
            CREATE UNIQUE INDEX audit_effect ON audit (effect) WHERE effect IS NOT NULL;
            """),
        // Alertmanager's groups: the newest notification of each (what a Declare click declares from) and the incident
        // declared from it, so that later firings of the group join that incident.
        (10, """
            CREATE TABLE alert_groups (
                id TEXT PRIMARY KEY,
                group_key TEXT NOT NULL,
                notification TEXT NOT NULL,
                incident_id TEXT REFERENCES incidents (id),
                updated_at TEXT NOT NULL
            );
            """),
        // A work item keeps the trace of the request that enqueued it, so that its run joins that trace on any replica.
        (11, """
            ALTER TABLE work_items ADD COLUMN trace_parent TEXT;
            """),
        // A drill names the scenario it plays; NULL is a real incident, as every earlier one was.
        (12, """
            ALTER TABLE incidents ADD COLUMN drill TEXT;
            """),
    ];
}
