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
        // The clients' server actions (power, backup, snapshot, resize): each is a job of the
        // sandbox's job machinery; the row keeps what the job does not (uuid, type, outcome), so
        // an action reads the same after retention has pruned its job.
        Migration(
            "vpsorg.201-server-actions",
            """
            CREATE TABLE vpsorg_server_actions (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES vpsorg_servers(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                job_id INTEGER,
                target TEXT,
                error TEXT,
                created_at INTEGER NOT NULL,
                completed_at INTEGER
            );
            CREATE UNIQUE INDEX vpsorg_server_actions_by_uuid ON vpsorg_server_actions(tenant_id, uuid);
            CREATE INDEX vpsorg_server_actions_by_server ON vpsorg_server_actions(tenant_id, server_id, id);
            CREATE INDEX vpsorg_server_actions_by_job ON vpsorg_server_actions(job_id);
            """),
        Migration(
            "vpsorg.202-server-backups",
            """
            CREATE TABLE vpsorg_server_backups (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES vpsorg_servers(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                label TEXT,
                status TEXT NOT NULL,
                size_gb INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                completed_at INTEGER
            );
            CREATE UNIQUE INDEX vpsorg_server_backups_by_uuid ON vpsorg_server_backups(tenant_id, uuid);
            CREATE INDEX vpsorg_server_backups_by_server ON vpsorg_server_backups(tenant_id, server_id, kind, id);
            """),
        // The clients' SSH keys. A server records the keys it was created with as they were then
        // (name and fingerprint), as authorized_keys keeps a key that is later deleted from the account.
        Migration(
            "vpsorg.203-ssh-keys",
            """
            CREATE TABLE vpsorg_ssh_keys (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                public_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                last_used_at INTEGER
            );
            CREATE UNIQUE INDEX vpsorg_ssh_keys_by_uuid ON vpsorg_ssh_keys(tenant_id, uuid);
            CREATE UNIQUE INDEX vpsorg_ssh_keys_by_fingerprint ON vpsorg_ssh_keys(tenant_id, fingerprint);
            CREATE TABLE vpsorg_server_ssh_keys (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL REFERENCES vpsorg_servers(id) ON DELETE CASCADE,
                key_uuid TEXT NOT NULL,
                name TEXT NOT NULL,
                fingerprint TEXT NOT NULL
            );
            CREATE INDEX vpsorg_server_ssh_keys_by_server ON vpsorg_server_ssh_keys(tenant_id, server_id, id);
            """),
    ]
}
