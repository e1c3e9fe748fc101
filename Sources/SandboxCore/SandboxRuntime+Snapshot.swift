import SQLiteStore
import StructuredData

/// The full snapshot import (`?all=true`, see `Snapshot`): one transaction in which every
/// tenant's rows are deleted, the document's inserted and references checked before commit,
/// so any refusal rolls everything back. Unlike a tenant's import (SnapshotImport.swift) it
/// holds the database for its whole length: it replaces everyone's world at once.
extension SandboxRuntime {
    /// Replaces every tenant with the document's tenants (IDs and tokens as in the document).
    public func importAllState(document: JSONValue) throws {
        let parsed = try SnapshotDocument(document).broughtForward(through: migrations)
        try performForAll { connection in
            try connection.execute("PRAGMA defer_foreign_keys = ON")
            try connection.run("DELETE FROM tenants")
            try connection.run("DELETE FROM sequences")
            let real = realTimeMillis()
            for source in parsed.tenants {
                guard let id = source.id, let token = source.token else {
                    throw DomainError.invalid("tenants", "tenants[] need an id and a token in a full snapshot")
                }
                do {
                    try connection.run(
                        """
                        INSERT INTO tenants (id, token, balance_cents, permissions, clock_mode, clock_scale,
                            clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
                        VALUES (?, ?, 0, '[]', 'manual', 1, 0, ?, 0, ?)
                        """, id, token, real, real)
                } catch let error as SQLiteError {
                    throw DomainError.invalid("tenants", "tenant \(id) (\(token)) cannot be stored: \(error.message)")
                }
                var tenant = try TenantTable.find(id: id, in: connection)!
                source.apply(to: &tenant, real: real)
                try TenantTable.save(tenant, in: connection)
            }
            try parsed.insertRows(tenantId: nil, in: connection)
            try parsed.mergeSequences(in: connection)
            try SnapshotDocument.checkReferences(connection)
        }
        try reloadClocks()
    }
}
