import SQLiteStore
import SandboxCore

/// Tables of the cloud-server model. Tables that belong to one VM (backups, scheduled tasks,
/// software) reference `virtual_servers(id) ON DELETE CASCADE`, so deleting a VM removes them.
enum CloudSchema {
    static let migrations: [Migration] = [
        Migration(
            "reseller.cloud.001-virtual-servers",
            """
            CREATE TABLE virtual_servers (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                template TEXT NOT NULL,
                location_id INTEGER NOT NULL,
                hostname TEXT NOT NULL,
                ssh_key TEXT,
                cpu_cores INTEGER NOT NULL,
                mem_mb INTEGER NOT NULL,
                disk_gb INTEGER NOT NULL,
                ip_count INTEGER NOT NULL,
                ipv4 TEXT NOT NULL DEFAULT '[]',
                ipv6 TEXT NOT NULL DEFAULT '[]',
                mac TEXT NOT NULL,
                root_password TEXT,
                iso TEXT,
                outgoing_mail_blocked INTEGER NOT NULL DEFAULT 1,
                rdns TEXT NOT NULL DEFAULT '{}',
                started_at INTEGER,
                monthly_price_cents INTEGER NOT NULL,
                metrics_seed INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX virtual_servers_by_tenant ON virtual_servers(tenant_id, id);
            CREATE TABLE server_incidents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES virtual_servers(id) ON DELETE CASCADE,
                gid INTEGER NOT NULL,
                start_at INTEGER NOT NULL,
                stop_at INTEGER NOT NULL,
                host TEXT NOT NULL,
                direction INTEGER NOT NULL,
                impact INTEGER NOT NULL,
                types TEXT NOT NULL,
                ongoing INTEGER NOT NULL
            );
            CREATE INDEX server_incidents_by_server ON server_incidents(tenant_id, server_id, id);
            """),
        Migration(
            "reseller.cloud.002-backups-tasks-software",
            """
            CREATE TABLE server_backups (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES virtual_servers(id) ON DELETE CASCADE,
                stamp INTEGER NOT NULL,
                status TEXT NOT NULL,
                job_id INTEGER NOT NULL,
                snapshot TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (server_id, stamp)
            );
            CREATE INDEX server_backups_by_server ON server_backups(tenant_id, server_id, stamp);
            CREATE TABLE scheduled_tasks (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES virtual_servers(id) ON DELETE CASCADE,
                command TEXT NOT NULL,
                interval TEXT NOT NULL,
                execution_last INTEGER,
                execution_next INTEGER NOT NULL,
                last_outcome TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX scheduled_tasks_by_server ON scheduled_tasks(tenant_id, server_id, id);
            CREATE TABLE server_software (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES virtual_servers(id) ON DELETE CASCADE,
                package TEXT NOT NULL,
                version TEXT NOT NULL,
                status TEXT NOT NULL,
                output TEXT,
                ip TEXT NOT NULL,
                job_id INTEGER,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX server_software_by_server ON server_software(tenant_id, server_id, id);
            """),
        // Deleting a VM cascades to these tables by `server_id` alone; without an index of their
        // own each deleted VM scanned them whole.
        Migration(
            "reseller.cloud.003-cascade-by-server",
            """
            CREATE INDEX IF NOT EXISTS server_incidents_by_server_id ON server_incidents(server_id);
            CREATE INDEX IF NOT EXISTS scheduled_tasks_by_server_id ON scheduled_tasks(server_id);
            CREATE INDEX IF NOT EXISTS server_software_by_server_id ON server_software(server_id);
            """),
        // A finished or failed backup job finds its backup by job: without this index, a scan
        // of every backup of the tenant.
        Migration(
            "reseller.cloud.004-backups-by-job",
            "CREATE INDEX server_backups_by_job ON server_backups(job_id)"),
    ]

    static let jobReferences = [
        JobReference(table: "server_backups", column: "job_id"),
        JobReference(table: "server_software", column: "job_id"),
    ]
}
