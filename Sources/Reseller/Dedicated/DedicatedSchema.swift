import SQLiteStore
import SandboxCore

/// Tables of the dedicated-server model (orders, BYOD builds, servers).
/// Server IDs are per tenant (a market server keeps its offer's ID, and two tenants may
/// order the same offer), hence the composite key.
enum DedicatedSchema {
    static let migrations: [Migration] = [
        Migration(
            "dedicated.001-servers-and-byod-orders",
            """
            CREATE TABLE dedicated_servers (
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                id INTEGER NOT NULL,
                order_id INTEGER NOT NULL,
                offer_id INTEGER,
                byod_order_id INTEGER,
                hostname TEXT NOT NULL,
                template TEXT NOT NULL,
                hardware TEXT NOT NULL,
                ips TEXT NOT NULL,
                root_password TEXT NOT NULL,
                user_password TEXT NOT NULL,
                mac TEXT NOT NULL,
                order_complete INTEGER NOT NULL DEFAULT 0,
                power TEXT NOT NULL,
                booted_at INTEGER,
                online_ms INTEGER NOT NULL DEFAULT 0,
                rate_in INTEGER NOT NULL,
                rate_out INTEGER NOT NULL,
                rdns TEXT NOT NULL DEFAULT '{}',
                created_at INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, id)
            );
            CREATE TABLE dedicated_byod_orders (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                cpu_part INTEGER NOT NULL,
                ram_part INTEGER NOT NULL,
                ssd_part INTEGER,
                hdd_part INTEGER,
                template TEXT NOT NULL,
                hostname TEXT NOT NULL,
                ip_count INTEGER NOT NULL,
                price REAL NOT NULL,
                job_id INTEGER NOT NULL,
                server_id INTEGER,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX dedicated_byod_orders_by_tenant ON dedicated_byod_orders(tenant_id, id);
            """),
        // A failed build gives its parts back to the stock.
        Migration(
            "dedicated.002-byod-failed-at",
            "ALTER TABLE dedicated_byod_orders ADD COLUMN failed_at INTEGER;"),
        // Software installed over SSH, like `server_software` of VMs; a terminated server takes its packages along.
        Migration(
            "dedicated.003-software",
            """
            CREATE TABLE dedicated_software (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL,
                package TEXT NOT NULL,
                version TEXT NOT NULL,
                status TEXT NOT NULL,
                output TEXT,
                ip TEXT NOT NULL,
                job_id INTEGER,
                created_at INTEGER NOT NULL,
                FOREIGN KEY (tenant_id, server_id) REFERENCES dedicated_servers(tenant_id, id) ON DELETE CASCADE
            );
            CREATE INDEX dedicated_software_by_server ON dedicated_software(tenant_id, server_id, id);
            """),
    ]

    static let jobReferences = [
        JobReference(table: "dedicated_byod_orders", column: "job_id"),
        JobReference(table: "dedicated_software", column: "job_id"),
    ]
}
