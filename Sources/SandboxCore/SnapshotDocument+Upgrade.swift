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
        let written = try writtenUnder(all)
        guard written.count < names.count else { return self }
        let scratch = try Database(path: ":memory:")
        defer { scratch.close() }
        // Rows are copied table by table, in any order: references are checked after the
        // real import, not here.
        try scratch.read { try $0.execute("PRAGMA foreign_keys = OFF") }
        return try scratch.write { connection in
            try Migrator.migrate(connection, written)
            for (index, tenant) in tenants.enumerated() {
                try Self.insertTenantRow(tenant, id: tenant.id ?? index + 1, token: tenant.token ?? "snapshot-tenant-\(index + 1)", in: connection)
            }
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

    /// The migrations of `all` that the snapshot's rows were written under; a snapshot with
    /// migrations unknown here (a newer sandbox's) is refused.
    func writtenUnder(_ all: [Migration]) throws -> [Migration] {
        let names = all.map(\.name)
        let unknown = migrations.filter { !names.contains($0) }
        guard unknown.isEmpty else {
            throw DomainError.invalid(
                "migrations",
                "the snapshot was made by a newer sandbox version (migrations unknown here: \(unknown.joined(separator: ", "))): upgrade the sandbox to import it")
        }
        return all.filter { migrations.contains($0.name) }
    }

    /// A tenant's row, so that a migration that reads `tenants` sees it.
    static func insertTenantRow(_ tenant: TenantState, id: Int, token: String, in connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO tenants (id, token, balance_cents, permissions, clock_mode, clock_scale,
                clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0)
            """,
            id, token, tenant.balanceCents, TenantTable.encode(tenant.permissions), tenant.mode.rawValue, tenant.scale,
            tenant.now, Int64(bitPattern: tenant.randomState))
    }
}
