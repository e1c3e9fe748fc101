import SQLiteStore

/// The core tables. Every model table that belongs to a tenant references `tenants(id)` with
/// `ON DELETE CASCADE`, so resetting a tenant is deleting its row.
enum CoreSchema {
    static let migrations: [Migration] = [
        Migration(
            "core.001-tenants-clock-jobs-timers-events",
            """
            CREATE TABLE tenants (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                token TEXT NOT NULL UNIQUE,
                balance_cents INTEGER NOT NULL,
                permissions TEXT NOT NULL DEFAULT '[]',
                clock_mode TEXT NOT NULL,
                clock_scale REAL NOT NULL,
                clock_anchor_sandbox INTEGER NOT NULL,
                clock_anchor_real INTEGER NOT NULL,
                rng_state INTEGER NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE sequences (name TEXT PRIMARY KEY, next_value INTEGER NOT NULL);
            CREATE TABLE jobs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                resource_type TEXT NOT NULL,
                resource_id INTEGER NOT NULL,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                starts_at INTEGER NOT NULL,
                finishes_at INTEGER NOT NULL,
                ended_at INTEGER,
                output TEXT,
                payload TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX jobs_by_tenant ON jobs(tenant_id, id);
            CREATE INDEX jobs_by_resource ON jobs(tenant_id, resource_type, resource_id);
            CREATE TABLE timers (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                due_at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}',
                job_id INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
                resource_type TEXT,
                resource_id INTEGER
            );
            CREATE INDEX timers_by_due ON timers(tenant_id, due_at, id);
            CREATE INDEX timers_by_resource ON timers(tenant_id, resource_type, resource_id);
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                resource_type TEXT NOT NULL,
                resource_id INTEGER NOT NULL,
                from_state TEXT,
                to_state TEXT NOT NULL,
                at INTEGER NOT NULL,
                job_id INTEGER
            );
            CREATE INDEX events_by_tenant ON events(tenant_id, id);
            """),
        // Job completion deletes its timers by job, and deleting a job cascades through it.
        Migration("core.002-timers-by-job", "CREATE INDEX timers_by_job ON timers(job_id)"),
        // Storage follows live state (see Retention, TenantSweep): when the tenant last made a
        // request (real time; NULL until noticed), whether it is kept however idle, how far its
        // history was pruned (sandbox time) and the newest event id retention dropped.
        Migration(
            "core.003-retention-and-idle-tenants",
            """
            ALTER TABLE tenants ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tenants ADD COLUMN last_request_at INTEGER;
            ALTER TABLE tenants ADD COLUMN history_pruned_at INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tenants ADD COLUMN events_dropped_through INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX tenants_by_last_request ON tenants(last_request_at);
            CREATE INDEX jobs_by_end ON jobs(tenant_id, ended_at) WHERE ended_at IS NOT NULL;
            """),
        // "Which jobs of this resource are active?" runs on every backup, restore and power
        // action. Only active jobs are in this index, in id order, so the answer costs the same
        // however much history the resource has; without it SQLite walked all the tenant's
        // jobs (jobs_by_tenant gives the id order). Used only by queries whose WHERE has this
        // very term `status IN ('queued', 'running')` (see `TenantContext.jobs`).
        Migration(
            "core.004-active-jobs-by-resource",
            """
            CREATE INDEX jobs_active_by_resource ON jobs(tenant_id, resource_type, resource_id, id)
            WHERE status IN ('queued', 'running')
            """),
        // Timers come and go with every due step; AUTOINCREMENT made each insert read and write
        // sqlite_sequence too (a quarter of a timer's cost). Their ids are internal and only
        // order timers due at the same time, which a plain rowid (the largest live id plus
        // one) still does; an id is at most reused after its timer is gone.
        Migration(
            "core.005-timers-without-autoincrement",
            """
            CREATE TABLE timers_new (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                due_at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}',
                job_id INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
                resource_type TEXT,
                resource_id INTEGER
            );
            INSERT INTO timers_new (id, tenant_id, due_at, kind, payload, job_id, resource_type, resource_id)
            SELECT id, tenant_id, due_at, kind, payload, job_id, resource_type, resource_id FROM timers;
            DROP TABLE timers;
            ALTER TABLE timers_new RENAME TO timers;
            CREATE INDEX timers_by_due ON timers(tenant_id, due_at, id);
            CREATE INDEX timers_by_resource ON timers(tenant_id, resource_type, resource_id);
            CREATE INDEX timers_by_job ON timers(job_id);
            DELETE FROM sqlite_sequence WHERE name = 'timers';
            """),
        // Long operations under way (see LongOperation): written in the same transaction as
        // an operation's first change and deleted with its last, so that a crash between
        // leaves a row that the next start finishes the operation from. Not a tenant table
        // (no tenant_id): snapshots and resets do not carry or delete it.
        Migration(
            "core.006-long-operations",
            """
            CREATE TABLE long_operations (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                subject INTEGER NOT NULL DEFAULT 0,
                label TEXT NOT NULL DEFAULT '',
                staging TEXT,
                started_at INTEGER NOT NULL,
                UNIQUE (kind, subject)
            );
            """),
    ]
}
