import SQLiteStore

/// When each recent tenant's next timer is due, valid while the connection has changed no row
/// since it was read (the same rule as `TenantRowCache`): most requests find nothing due, and
/// asking SQLite that on every request was a twentieth of a status poll's instructions.
/// Touched only on the database queue, so it needs no lock.
final class NextTimerCache: @unchecked Sendable {
    static let capacity = 4096
    /// By tenant id; nil: the tenant has no timer.
    private var nextDue: [Int: Int64?] = [:]
    private var changesSeen: Int64 = -1

    static let earliest = "SELECT min(due_at) AS next FROM timers WHERE tenant_id = ?"

    /// Whether nothing of `tenantId` is due at or before `target`. `unchangedSince` is the
    /// connection's change count when the transaction began: what was read after the
    /// transaction changed a row is not remembered, since a rollback would undo it.
    func nothingDue(tenantId: Int, until target: Int64, in connection: Connection, unchangedSince: Int64) throws -> Bool {
        let changes = connection.totalChanges
        if changes == changesSeen, let next = nextDue[tenantId] { return next.map { $0 > target } ?? true }
        let next = try connection.first(Self.earliest, tenantId)?.optionalInt("next").map(Int64.init)
        if changes == unchangedSince {
            if changes != changesSeen || nextDue.count >= Self.capacity {
                nextDue.removeAll(keepingCapacity: true)
                changesSeen = changes
            }
            nextDue[tenantId] = .some(next)
        }
        return next.map { $0 > target } ?? true
    }
}
