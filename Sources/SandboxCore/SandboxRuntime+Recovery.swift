import Foundation
import SQLiteStore

/// Start-up recovery: every long operation a crash interrupted (its intent is still in
/// `long_operations`, see LongOperation) is finished, oldest first, before the server serves
/// anything, by running the operation's own remaining steps again. Each is finished forward:
/// the state after it, never a mix. `recoveries` says what was done, for the start-up log.
extension SandboxRuntime {
    func recoverLongOperations() throws -> [String] {
        let pending = try database.read { try LongOperation.pending(in: $0) }
        var lines: [String] = []
        for operation in pending {
            do {
                try finish(operation)
                lines.append("recovered: \(operation) was interrupted by a crash; completed now")
            } catch let unreadable as StagingUnreadable {
                // The import cannot go on without its staged snapshot: rather than leave the
                // tenant half-imported, its world is emptied.
                try abandon(operation)
                lines.append("recovered: \(operation) was interrupted by a crash and cannot be completed (\(unreadable.reason)); the tenant's world is now empty: import the snapshot again")
            } catch {
                // Anything else (a corrupt row the work trips on, too much due work) is no reason
                // to drop the tenant's world: the intent is ended and the tenant kept as it is.
                try database.write { try operation.end(in: $0) }
                lines.append("recovered: \(operation) was interrupted by a crash and could not be completed (\(error)); the tenant is kept as far as it got")
            }
        }
        removeStagings()
        return lines
    }

    private func finish(_ operation: LongOperation) throws {
        switch operation.kind {
        case .eraseTenant:
            try eraseTenant(id: operation.subject, tables: try database.read { try TableOrder.childrenFirst($0) })
        case .resetAll:
            try resetAll()
        case .importTenant:
            guard let path = operation.staging,
                let token = try database.read({ try TenantTable.find(id: operation.subject, in: $0)?.token })
            else { return try database.write { try operation.end(in: $0) } }
            let staging: SnapshotStaging
            do { staging = try SnapshotStaging(reopening: path, migrations: migrations) } catch {
                throw StagingUnreadable(reason: "\(error)")
            }
            try replaceRows(of: operation, token: token, with: staging)
            staging.discard()
        case .advanceClock:
            try catchUp(tenantId: operation.subject)
            try database.write { try operation.end(in: $0) }
        case .pruneHistory:
            try finishPruning(operation)
        }
    }

    /// Prunes in transactions of `Retention.batch` rows until the prune ends its intent.
    private func finishPruning(_ operation: LongOperation) throws {
        var underWay = true
        while underWay {
            underWay = try database.write { connection in
                guard let tenant = try TenantTable.find(id: operation.subject, in: connection),
                    try retention.pruneIfDue(
                        TenantContext(connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()), scheduler: scheduler))
                else {
                    // Done, or nothing left to do (the tenant gone, retention turned off).
                    try operation.end(in: connection)
                    return false
                }
                return true
            }
        }
    }

    /// An interrupted import's staged snapshot is gone or unreadable.
    private struct StagingUnreadable: Error {
        let reason: String
    }

    /// An import that cannot be finished: the tenant's rows go, its row (settings, clock) stays.
    private func abandon(_ operation: LongOperation) throws {
        let tables = try database.read { try TableOrder.childrenFirst($0) }
        try database.write { connection in
            for table in tables { try connection.run("DELETE FROM \"\(table)\" WHERE tenant_id = ?", operation.subject) }
            try operation.end(in: connection)
        }
        operation.staging.map(SnapshotStaging.remove)
    }

    /// Staged snapshots left by a crash while staging (an import that never began): with
    /// every interrupted import finished, nothing needs any of them.
    private func removeStagings() {
        guard database.path != ":memory:", !database.path.isEmpty else { return }
        let file = URL(fileURLWithPath: database.path)
        let folder = file.deletingLastPathComponent()
        let prefix = file.lastPathComponent + "-import-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
