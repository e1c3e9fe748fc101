import Foundation
import SQLiteStore
import StructuredData

/// The full snapshot import (`?all=true`, see `Snapshot`): the document is staged in a scratch
/// database file first (SnapshotStaging: checked, brought forward to this version), then one
/// transaction deletes every tenant and copies the staged world in, table by table with
/// `INSERT ... SELECT` from the attached file. One transaction, so a crash leaves the world
/// before or after it, and any refusal rolls everything back. Unlike a tenant's import
/// (SnapshotImport.swift) it holds the database for that transaction: it replaces everyone's
/// world at once.
extension SandboxRuntime {
    /// Replaces every tenant with the document's tenants (IDs and tokens as in the document),
    /// read a row at a time from `body`, which may be a mapped file of any size.
    public func importAllState(body: UnsafeBufferPointer<UInt8>) throws {
        try importAllStaged(SnapshotStaging.read(body, migrations: migrations, path: newStagingPath(), whole: true))
    }

    public func importAllState(document: JSONValue) throws {
        try importAllStaged(
            SnapshotStaging(SnapshotDocument(document), migrations: migrations, path: newStagingPath(), whole: true))
    }

    private func importAllStaged(_ staging: SnapshotStaging) throws {
        defer { staging.discard() }
        // Its own connection holds the file exclusively; closed, the shared one may attach it.
        staging.close()
        try database.read { connection in
            try connection.execute("ATTACH DATABASE '\(staging.path.replacingOccurrences(of: "'", with: "''"))' AS staged")
            defer { try? connection.execute("DETACH DATABASE staged") }
            try database.write { connection in
                try connection.execute("PRAGMA defer_foreign_keys = ON")
                try connection.run("DELETE FROM tenants")
                try connection.run("DELETE FROM sequences")
                let real = realTimeMillis()
                // The staged clocks are anchored at real time 0: re-anchored at now, as a tenant's import does.
                do {
                    try connection.run(
                        """
                        INSERT INTO tenants (id, token, balance_cents, permissions, clock_mode, clock_scale,
                            clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
                        SELECT id, token, balance_cents, permissions, clock_mode, clock_scale, clock_anchor_sandbox, ?, rng_state, ?
                        FROM staged.tenants ORDER BY id
                        """, real, real)
                } catch let error as SQLiteError {
                    throw DomainError.invalid("tenants", "the tenants cannot be stored: \(error.message)")
                }
                for table in staging.tables {
                    try connection.run(
                        "INSERT INTO main.\"\(table.name)\" (\(table.columnList)) SELECT \(table.columnList) FROM staged.\"\(table.name)\" ORDER BY rowid")
                }
                try SnapshotDocument.mergeSequences(staging.sequences, in: connection)
                try SnapshotDocument.checkReferences(connection)
            }
        }
        try reloadClocks()
    }
}
