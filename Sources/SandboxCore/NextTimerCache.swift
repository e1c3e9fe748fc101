import SQLiteStore

/// When each recent tenant's next timer is due (nil: it has none), remembered on the
/// `ChangeCountMemo` rule: most requests find nothing due, and asking SQLite that on every
/// request was a twentieth of a status poll's instructions.
final class NextTimerCache: @unchecked Sendable {
    private let nextDue = ChangeCountMemo<Int, Int64?>()

    static let earliest = "SELECT min(due_at) AS next FROM timers WHERE tenant_id = ?"

    /// Whether nothing of `tenantId` is due at or before `target`. `unchangedSince` is the
    /// connection's change count when the transaction began: what is read after the
    /// transaction changed a row is not remembered.
    func nothingDue(tenantId: Int, until target: Int64, in connection: Connection, unchangedSince: Int64) throws -> Bool {
        let next: Int64?
        if let remembered = nextDue.value(for: tenantId, in: connection) {
            next = remembered
        } else {
            next = try connection.first(Self.earliest, tenantId)?.optionalInt("next").map(Int64.init)
            let changes = connection.totalChanges
            if changes == unchangedSince { nextDue.remember(next, for: tenantId, at: changes) }
        }
        return next.map { $0 > target } ?? true
    }
}
