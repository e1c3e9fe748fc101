import SQLiteStore

/// Tables of VPS.org's domains and DNS zones. Rows get SQLite's own ids (events and the
/// dashboard name them); the API names them by `uuid`, unique within the tenant.
enum DomainSchema {
    static let migrations: [Migration] = [
        Migration(
            "vpsorg.101-domains",
            """
            CREATE TABLE vpsorg_domains (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                uuid TEXT NOT NULL,
                domain_name TEXT NOT NULL,
                registrar TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                auto_renew INTEGER NOT NULL,
                nameserver1 TEXT,
                nameserver2 TEXT,
                nameserver3 TEXT,
                nameserver4 TEXT,
                whois_privacy INTEGER NOT NULL,
                transfer_lock INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX vpsorg_domains_by_uuid ON vpsorg_domains(tenant_id, uuid);
            CREATE UNIQUE INDEX vpsorg_domains_by_name ON vpsorg_domains(tenant_id, domain_name);
            """),
        Migration(
            "vpsorg.102-dns",
            """
            CREATE TABLE vpsorg_dns_zones (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                uuid TEXT NOT NULL,
                domain TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX vpsorg_dns_zones_by_uuid ON vpsorg_dns_zones(tenant_id, uuid);
            CREATE UNIQUE INDEX vpsorg_dns_zones_by_domain ON vpsorg_dns_zones(tenant_id, domain);
            CREATE TABLE vpsorg_dns_records (
                id INTEGER PRIMARY KEY,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                zone_id INTEGER NOT NULL REFERENCES vpsorg_dns_zones(id) ON DELETE CASCADE,
                uuid TEXT NOT NULL,
                record_type TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                ttl INTEGER NOT NULL,
                priority INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX vpsorg_dns_records_by_uuid ON vpsorg_dns_records(tenant_id, uuid);
            CREATE INDEX vpsorg_dns_records_by_zone ON vpsorg_dns_records(zone_id, name);
            """),
    ]
}
