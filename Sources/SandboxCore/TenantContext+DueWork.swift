import SQLiteStore

extension TenantContext {
    /// Takes the next due timer out of the table in one statement (one index probe, one
    /// delete), so a step costs the same however many timers, jobs and events there are.
    static let takeNextDue = """
        DELETE FROM timers WHERE id = (
            SELECT id FROM timers WHERE tenant_id = ? AND due_at <= ? ORDER BY due_at, id LIMIT 1
        ) RETURNING *
        """

    static let anyDue = "SELECT 1 AS due FROM timers WHERE tenant_id = ? AND due_at <= ? LIMIT 1"

    /// Applies the timers due up to `target`, oldest first, each at its own due time (so what
    /// they write reads as when it happened), then sets `now` to `target`. Returns false when
    /// `budget` ran out and more is due; `now` is then the last step's due time.
    func applyDueWork(until target: Int64, budget: inout DueWorkBudget) throws -> Bool {
        // Most requests find nothing due: one indexed read answers that, where the DELETE
        // below would open write cursors on the table and each of its indexes first.
        guard try connection.first(Self.anyDue, tenant.id, target) != nil else {
            now = target
            return true
        }
        while budget.spend() {
            guard let row = try connection.first(Self.takeNextDue, tenant.id, target) else {
                now = target
                return true
            }
            let timer = try DueTimer(row: row)
            now = timer.dueAt
            try run(timer)
        }
        guard try connection.first(Self.anyDue, tenant.id, target) == nil else { return false }
        now = target
        return true
    }

    func run(_ timer: DueTimer) throws {
        switch timer.kind {
        case JobTimer.start:
            if let id = timer.jobId { try markRunning(jobId: id) }
        case JobTimer.finish:
            if let id = timer.jobId { try completeJob(id, cancellingTimers: false) }
        default:
            guard let action = scheduler.action(for: timer.kind) else { return }
            try action(self, timer)
        }
    }
}
