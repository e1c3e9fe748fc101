import Dispatch
import Foundation
import SQLiteStore
import StructuredData

/// A tenant's snapshot import, fair to other tenants. Everything that can be checked is
/// checked before the real tables change: the document in a scratch database file
/// (SnapshotStaging), then, read-only, that no row would take the key of another tenant's.
/// Then, while the tenant's own requests wait in its lane, the snapshot's IDs are reserved,
/// the tenant's rows deleted and the document's inserted in slices of a few milliseconds,
/// each its own transaction, so other tenants' requests run between them; one small
/// transaction sets the tenant's settings and clock last. The first transaction records the
/// intent (LongOperation) and the last removes it: after a crash between, the next start
/// runs the same steps again from the staged file, before anything is served. A failure past
/// the checks while running (a disk error, an ID taken by a concurrent import) leaves the
/// tenant empty and says so.
extension SandboxRuntime {
    static let importPageRows = 500

    /// Replaces the world of `token`'s tenant with the snapshot in `body`, read a row at a
    /// time (see SnapshotStaging+Reading.swift); `body` may be a mapped file of any size.
    public func importState(token: String, body: UnsafeBufferPointer<UInt8>) throws {
        try importStaged(
            token: token, SnapshotStaging.read(body, migrations: migrations, path: newStagingPath(), whole: false))
    }

    /// Replaces the world of `token`'s tenant with the document's single tenant.
    public func importState(token: String, document: JSONValue) throws {
        try importStaged(
            token: token, SnapshotStaging(SnapshotDocument(document), migrations: migrations, path: newStagingPath()))
    }

    private func importStaged(token: String, _ staging: SnapshotStaging) throws {
        var begun = false
        // Kept when the import began and did not end: the next start finishes it from there.
        defer { if begun { staging.close() } else { staging.discard() } }
        try exclusively(token: token) {
            try checkKeysAreFree(staging, token: token)
            // Frozen meanwhile: the background catch-up of realtime tenants must not run a
            // half-imported world's timers. ID sequences move past the snapshot's IDs first,
            // so that other tenants' new rows cannot take them while the rows go in.
            let (original, operation) = try perform(token: token) { context in
                var frozen = context.tenantWithRandom
                frozen.clock = frozen.clock.reanchored(real: realTimeMillis(), mode: .manual)
                let original = context.tenantWithRandom
                try context.replaceTenant(frozen)
                try SnapshotDocument.mergeSequences(staging.sequences, in: context.connection)
                let operation = LongOperation(
                    kind: .importTenant, subject: context.tenantId, label: TenantLabel.of(token), staging: staging.path)
                try operation.begin(in: context.connection)
                return (original, operation)
            }
            begun = true
            do {
                try replaceRows(of: operation, token: token, with: staging)
                begun = false
            } catch {
                try? deleteRows(of: operation.subject, tables: staging.tables.reversed(), keepingReserved: false)
                try? database.write { connection in
                    try TenantTable.save(original, in: connection)
                    try operation.end(in: connection)
                }
                begun = false
                throw DomainError.conflict(
                    "the import failed midway and the tenant's world is now empty (its clock and settings are as before): \(error). Import the snapshot again.")
            }
        }
    }

    /// The import's steps after its intent is recorded; run again, they give the same world,
    /// which is how the next start finishes an import a crash interrupted.
    func replaceRows(of operation: LongOperation, token: String, with staging: SnapshotStaging) throws {
        let tenantId = operation.subject
        let staged = try staging.stagedTenant()
        try reserveRowids(staging, for: tenantId)
        try deleteRows(of: tenantId, tables: staging.tables.reversed(), keepingReserved: true)
        try copyRows(staging, into: tenantId)
        let tenant = try database.write { connection in
            guard var tenant = try TenantTable.find(id: tenantId, in: connection) else {
                throw DomainError.notFound("the tenant was deleted during its import")
            }
            tenant.balanceCents = staged.balanceCents
            tenant.permissions = staged.permissions
            tenant.clock = SandboxClock(
                mode: staged.clock.mode, scale: staged.clock.scale, anchorSandbox: staged.clock.anchorSandbox,
                anchorReal: realTimeMillis())
            tenant.randomState = staged.randomState
            try TenantTable.save(tenant, in: connection)
            // The history is the snapshot's now: pruned from its start on the snapshot's clock,
            // not from a mark on the replaced world's (which may lie ahead of it).
            try connection.run("UPDATE tenants SET history_pruned_at = 0, events_dropped_through = 0 WHERE id = ?", tenantId)
            try SnapshotDocument.checkReferences(connection, tables: staging.tables.filter(\.refersOutside).map(\.name))
            try operation.end(in: connection)
            return tenant
        }
        clocks.remember(token, tenant.clock)
    }

    /// A new scratch file for a staged snapshot: beside the database file, so that a crash
    /// leaves it where the next start looks (`staging` of its intent); in the temporary
    /// folder for an in-memory database, which no crash outlives.
    func newStagingPath() -> String {
        let name = "import-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        guard database.path != ":memory:", !database.path.isEmpty else {
            return URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hosting-sandbox-\(name).sqlite").path
        }
        return "\(database.path)-\(name)"
    }

    /// Refuses (400, nothing changed) a row whose unique key another tenant's row holds; a
    /// page of keys per lookup, each page its own short read.
    private func checkKeysAreFree(_ staging: SnapshotStaging, token: String) throws {
        for table in staging.tables {
            for key in table.uniqueKeys {
                let columns = key.map { "\"\($0)\"" }.joined(separator: ", ")
                let tuple = "(" + key.map { _ in "?" }.joined(separator: ", ") + ")"
                try eachPage(of: table, columns: key, in: staging) { rows in
                    let taken = try database.read { connection in
                        try connection.queryUncached(
                            """
                            SELECT \(columns) FROM "\(table.name)" WHERE (\(columns)) IN (VALUES \(Array(repeating: tuple, count: rows.count).joined(separator: ", ")))
                            AND tenant_id IS NOT (SELECT id FROM tenants WHERE token = ?) LIMIT 1
                            """, rows.flatMap { $0.values.dropFirst() } + [token])
                    }
                    betweenSlices?()
                    if let row = taken.first {
                        let named = zip(key, row.values).map { "\($0)=\(JSONWriter.string(Snapshot.encode($1)))" }.joined(separator: ", ")
                        throw DomainError.invalid(
                            "tables",
                            "tables.\(table.name): the row with \(named) is another tenant's in this sandbox; import into an empty sandbox, or all tenants with ?all=true")
                    }
                }
            }
        }
    }

    /// Inserts each table's reserved row (its highest ID) first, in place of the tenant's
    /// row of that ID: SQLite gives new rows an ID above the highest, so rows that others
    /// create meanwhile cannot take one of the snapshot's.
    private func reserveRowids(_ staging: SnapshotStaging, for tenantId: Int) throws {
        let reserved = try staging.tables.compactMap { table in
            try table.reservedRowid.flatMap { rowid in
                try staging.page(of: table, after: rowid - 1, limit: 1).first.map { (table, $0) }
            }
        }
        try withoutForeignKeys {
            try database.write { connection in
                for (table, row) in reserved {
                    try connection.run(
                        "DELETE FROM \"\(table.name)\" WHERE rowid = ? AND tenant_id = ?", row.int64("staged_rowid"), tenantId)
                    try insertStaged(row, of: table, tenantId: tenantId, sql: table.insert, in: connection)
                }
            }
        }
    }

    /// Deletes the tenant's rows of `tables` (children first), a few milliseconds at a time.
    private func deleteRows(
        of tenantId: Int, tables: some Sequence<SnapshotStaging.Table>, keepingReserved: Bool
    ) throws {
        for table in tables {
            let kept = keepingReserved ? table.reservedRowid.map { " AND rowid <> \($0)" } ?? "" : ""
            let sql = "DELETE FROM \"\(table.name)\" WHERE rowid IN (SELECT rowid FROM \"\(table.name)\" WHERE tenant_id = ?\(kept) LIMIT 100)"
            var more = true
            while more {
                try withoutForeignKeys {
                    let deadline = DueWorkBudget.slice().deadline
                    try database.write { connection in
                        repeat {
                            more = try connection.run(sql, tenantId) > 0
                        } while more && DispatchTime.now().uptimeNanoseconds < deadline
                    }
                }
                betweenSlices?()
            }
        }
    }

    /// Inserts the staged rows (parents first) as the tenant's, a few milliseconds at a time.
    private func copyRows(_ staging: SnapshotStaging, into tenantId: Int) throws {
        for table in staging.tables {
            let insert = table.insert
            try eachPage(of: table, columns: table.columns, in: staging) { rows in
                let rest = try rows.filter { try $0.int64("staged_rowid") != table.reservedRowid }
                try sliced(rest, write: true) { connection, row in
                    try insertStaged(row, of: table, tenantId: tenantId, sql: insert, in: connection)
                }
            }
        }
    }

    /// A staged row (its rowid first, then `table.columns`) as the tenant's.
    private func insertStaged(
        _ row: Row, of table: SnapshotStaging.Table, tenantId: Int, sql: String, in connection: Connection
    ) throws {
        var values = Array(row.values.dropFirst())
        if let tenantColumn = table.columns.firstIndex(of: "tenant_id") { values[tenantColumn] = .integer(Int64(tenantId)) }
        try connection.query(sql, values)
    }

    private func eachPage(
        of table: SnapshotStaging.Table, columns: [String], in staging: SnapshotStaging, _ body: ([Row]) throws -> Void
    ) throws {
        var after: Int64 = 0
        while true {
            let rows = try staging.page(of: table, columns: columns, after: after, limit: Self.importPageRows)
            guard let last = rows.last else { return }
            try body(rows)
            after = try last.int64("staged_rowid")
        }
    }

    /// Runs `step` over `items` in transactions (or reads) of one slice's time each, with
    /// other work free to run between them.
    private func sliced(_ items: [Row], write: Bool, _ step: (Connection, Row) throws -> Void) throws {
        var next = 0
        while next < items.count {
            let deadline = DueWorkBudget.slice().deadline
            func slice(_ connection: Connection) throws {
                repeat {
                    try step(connection, items[next])
                    next += 1
                } while next < items.count && DispatchTime.now().uptimeNanoseconds < deadline
            }
            if write { try withoutForeignKeys { try database.write(slice) } } else { try database.read(slice) }
            betweenSlices?()
        }
    }

    /// Foreign keys off for one transaction: the staged rows' references were checked in
    /// the scratch database, and every tenant table is emptied, so nothing may cascade.
    private func withoutForeignKeys(_ body: () throws -> Void) throws {
        try database.read { connection in
            try connection.execute("PRAGMA foreign_keys = OFF")
            defer { try? connection.execute("PRAGMA foreign_keys = ON") }
            try body()
        }
    }
}
