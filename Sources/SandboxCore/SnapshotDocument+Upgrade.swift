import SQLiteStore
import StructuredData

/// Snapshots survive upgrades: a snapshot of an older version (fewer migrations) is loaded
/// into a scratch in-memory database built up to the snapshot's own migrations, the
/// migrations it lacks are run there over its rows (as they would run over an old database
/// file), and the rows are read back in today's schema. Only a snapshot with migrations this
/// version does not know (a newer sandbox's) is refused.
extension SnapshotDocument {
    /// This document in the schema of `all` (this version's migrations, in order).
    func broughtForward(through all: [Migration]) throws -> SnapshotDocument {
        let names = all.map(\.name)
        let unknown = migrations.filter { !names.contains($0) }
        guard unknown.isEmpty else {
            throw DomainError.invalid(
                "migrations",
                "the snapshot was made by a newer sandbox version (migrations unknown here: \(unknown.joined(separator: ", "))): upgrade the sandbox to import it")
        }
        guard migrations.count < names.count else { return self }
        let scratch = try Database(path: ":memory:")
        defer { scratch.close() }
        // Rows are copied table by table, in any order: references are checked after the
        // real import, not here.
        try scratch.read { try $0.execute("PRAGMA foreign_keys = OFF") }
        return try scratch.write { connection in
            try Migrator.migrate(connection, all.filter { migrations.contains($0.name) })
            try insertTenantRows(in: connection)
            try insertRows(tenantId: nil, in: connection)
            try mergeSequences(in: connection)
            try Migrator.migrate(connection, all)
            var upgraded = self
            upgraded.migrations = names
            upgraded.tables = try Snapshot.tenantTables(connection).map { table in
                let rows = try connection.query("SELECT * FROM \"\(table.name)\" ORDER BY rowid")
                return (table.name, rows.compactMap { Snapshot.encode($0).objectValue })
            }
            upgraded.sequences = try connection.query("SELECT name, next_value FROM sequences ORDER BY name")
                .map { (try $0.string("name"), try $0.int64("next_value")) }
            return upgraded
        }
    }

    /// The tenants' rows, so that a migration that reads `tenants` sees them.
    private func insertTenantRows(in connection: Connection) throws {
        for (index, tenant) in tenants.enumerated() {
            try connection.run(
                """
                INSERT INTO tenants (id, token, balance_cents, permissions, clock_mode, clock_scale,
                    clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0)
                """,
                tenant.id ?? index + 1, tenant.token ?? "snapshot-tenant-\(index + 1)", tenant.balanceCents,
                TenantTable.encode(tenant.permissions), tenant.mode.rawValue, tenant.scale, tenant.now,
                Int64(bitPattern: tenant.randomState))
        }
    }
}
