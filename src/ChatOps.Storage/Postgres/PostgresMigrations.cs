namespace ChatOps.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, as ordered steps with their own numbering (SQLite's history of rewrites is not repeated here:
/// step 1 is the shape SQLite reached at its step 7). A released step is never edited: add a new one. Times people see
/// are <c>timestamptz</c>; the work queue's times are Unix milliseconds, compared as numbers, as on SQLite.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> Steps { get; } =
    [
        (1, """
            CREATE FUNCTION chatops_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the % is append-only', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
            END
            $$;
            CREATE TABLE incident_counters (
                year integer PRIMARY KEY,
                last integer NOT NULL
            );
            CREATE TABLE incidents (
                id text PRIMARY KEY,
                year integer NOT NULL,
                number integer NOT NULL,
                title text NOT NULL,
                severity integer NOT NULL CHECK (severity BETWEEN 1 AND 4),
                severity_awaits_confirmation boolean NOT NULL DEFAULT false,
                status text NOT NULL,
                commander text,
                platform text NOT NULL,
                channel text NOT NULL,
                thread text,
                address text,
                declared_by text NOT NULL,
                declared_at timestamptz NOT NULL,
                resolved_at timestamptz,
                impact text,
                root_cause text,
                resolution text,
                action_items jsonb NOT NULL,
                lessons jsonb NOT NULL,
                version integer NOT NULL,
                effect text,
                UNIQUE (year, number)
            );
            CREATE INDEX incidents_open ON incidents (platform, channel) WHERE status <> 'resolved';
            CREATE UNIQUE INDEX incidents_thread ON incidents (platform, channel, thread) WHERE thread IS NOT NULL;
            CREATE UNIQUE INDEX incidents_effect ON incidents (effect) WHERE effect IS NOT NULL;
            CREATE TABLE timeline (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                incident_id text NOT NULL REFERENCES incidents (id),
                at timestamptz NOT NULL,
                actor text NOT NULL,
                kind text NOT NULL,
                text text NOT NULL,
                data jsonb NOT NULL,
                effect text
            );
            CREATE INDEX timeline_incident ON timeline (incident_id, seq);
            CREATE UNIQUE INDEX timeline_effect ON timeline (effect) WHERE effect IS NOT NULL;
            CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON timeline
                FOR EACH ROW EXECUTE FUNCTION chatops_refuse_change('timeline');
            CREATE TRIGGER timeline_append_only_truncate BEFORE TRUNCATE ON timeline
                FOR EACH STATEMENT EXECUTE FUNCTION chatops_refuse_change('timeline');
            CREATE TABLE mitigation_requests (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                incident_id text NOT NULL REFERENCES incidents (id),
                runbook text NOT NULL,
                mitigation text NOT NULL,
                title text NOT NULL,
                why text NOT NULL,
                revert_of bigint,
                subject text,
                requested_by text NOT NULL,
                requested_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                required_approvals integer NOT NULL,
                current_state text NOT NULL,
                planned text NOT NULL,
                status text NOT NULL,
                approvers jsonb NOT NULL,
                denied_by text,
                reason text,
                before_state jsonb,
                after_state jsonb,
                error text,
                message_id text,
                version integer NOT NULL
            );
            CREATE INDEX mitigation_requests_incident ON mitigation_requests (incident_id, id);
            CREATE INDEX mitigation_requests_open ON mitigation_requests (status) WHERE status IN ('pending', 'approved', 'executing');
            CREATE TABLE audit (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                incident_id text NOT NULL,
                request_id bigint NOT NULL,
                action text NOT NULL,
                outcome text NOT NULL,
                before_state text,
                after_state text
            );
            CREATE INDEX audit_incident ON audit (incident_id, seq);
            CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
                FOR EACH ROW EXECUTE FUNCTION chatops_refuse_change('audit');
            CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON audit
                FOR EACH STATEMENT EXECUTE FUNCTION chatops_refuse_change('audit');
            CREATE TABLE storage_probe (
                id integer PRIMARY KEY CHECK (id = 1),
                probed_at timestamptz NOT NULL
            );
            CREATE TABLE work_items (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                kind text NOT NULL,
                payload text NOT NULL,
                ordering_key text,
                delivery_key text UNIQUE,
                state text NOT NULL CHECK (state IN ('ready', 'done', 'dead')),
                attempts integer NOT NULL DEFAULT 0,
                enqueued_at bigint NOT NULL,
                not_before bigint NOT NULL,
                lease_owner text,
                lease_until bigint,
                finished_at bigint,
                last_error text
            );
            CREATE INDEX work_items_ready ON work_items (seq) WHERE state = 'ready';
            CREATE INDEX work_items_order ON work_items (ordering_key, seq) WHERE state = 'ready';
            CREATE INDEX work_items_done ON work_items (finished_at) WHERE state = 'done';
            CREATE TABLE message_journal (
                key text PRIMARY KEY,
                message_id text NOT NULL,
                sent_at bigint NOT NULL
            );
            CREATE TABLE delivery_claims (
                key text PRIMARY KEY,
                until bigint NOT NULL
            );
            """),
        // An execution records when it claimed its request, so that one whose process died is found once its lease runs
        // out; a request keeps the whole state read when it was made, which tells whether that execution changed anything.
        (2, """
            ALTER TABLE mitigation_requests ADD COLUMN claimed_at timestamptz;
            ALTER TABLE mitigation_requests ADD COLUMN requested_state jsonb;
            CREATE INDEX mitigation_requests_executing ON mitigation_requests (claimed_at) WHERE status = 'executing';
            """),
        // A retried work item gets the request its first attempt stored, and finds the transitions it made.
        (3, """
            ALTER TABLE mitigation_requests ADD COLUMN effect text;
            CREATE UNIQUE INDEX mitigation_requests_effect ON mitigation_requests (effect) WHERE effect IS NOT NULL;
            ALTER TABLE audit ADD COLUMN effect text;
            CREATE UNIQUE INDEX audit_effect ON audit (effect) WHERE effect IS NOT NULL;
            """),
        // Alertmanager's groups: the newest notification of each (what a Declare click declares from), kept as the text it
        // was written as, and the incident declared from it, so that later firings of the group join that incident.
        (4, """
            CREATE TABLE alert_groups (
                id text PRIMARY KEY,
                group_key text NOT NULL,
                notification text NOT NULL,
                incident_id text REFERENCES incidents (id),
                updated_at timestamptz NOT NULL
            );
            """),
        // A work item keeps the trace of the request that enqueued it, so that its run joins that trace on any replica.
        (5, """
            ALTER TABLE work_items ADD COLUMN trace_parent text;
            """),
        // A drill names the scenario it plays; NULL is a real incident, as every earlier one was.
        (6, """
            ALTER TABLE incidents ADD COLUMN drill text;
            """),
    ];
}
