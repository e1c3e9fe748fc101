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
        // VPS.org's clients name servers by uuid. Servers made before get one derived from
        // their tenant and id: stable, unique within the tenant, and the same for a snapshot
        // of that time brought forward.
        Migration(
            "vpsorg.002-server-uuids",
            """
            ALTER TABLE vpsorg_servers ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
            UPDATE vpsorg_servers SET uuid = printf('%08x-%04x-4%03x-%04x-%012x',
                (id * 2654435761 + tenant_id * 97) % 4294967296, (id * 40503 + tenant_id) % 65536,
                (id * 7919 + tenant_id * 31) % 4096, 32768 + (id * 104729 + tenant_id) % 16384,
                (id * 1000003 + tenant_id * 8191) % 281474976710656);
            CREATE UNIQUE INDEX vpsorg_servers_by_uuid ON vpsorg_servers(tenant_id, uuid);
            """),
    ]
}
