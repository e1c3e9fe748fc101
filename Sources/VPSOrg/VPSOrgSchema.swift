import SQLiteStore

/// VPS.org tables. A server keeps a copy of its plan and image, so a later change of
/// `seed-data/` does not rewrite existing servers.
enum VPSOrgSchema {
    static let migrations: [Migration] = [
        Migration(
            "vpsorg.001-servers",
            """
            CREATE TABLE vpsorg_servers (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                hostname TEXT NOT NULL,
                status TEXT NOT NULL,
                ip_address TEXT,
                ipv6_address TEXT,
                location TEXT NOT NULL,
                plan_id INTEGER NOT NULL,
                plan_name TEXT NOT NULL,
                plan_vcpus INTEGER NOT NULL,
                plan_memory INTEGER NOT NULL,
                plan_storage INTEGER NOT NULL,
                plan_bandwidth INTEGER NOT NULL,
                os_id INTEGER NOT NULL,
                os_name TEXT NOT NULL,
                ssh_key_id INTEGER,
                backups_enabled INTEGER NOT NULL,
                metrics_seed INTEGER NOT NULL,
                uptime_ms INTEGER NOT NULL DEFAULT 0,
                running_since INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX vpsorg_servers_by_tenant ON vpsorg_servers(tenant_id, id);
            """),
    ]
}
