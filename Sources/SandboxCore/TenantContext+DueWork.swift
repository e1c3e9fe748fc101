import SQLiteStore

extension TenantContext {
    /// Applies the timers due up to `target`, oldest first, each at its own due time (so what
    /// they write reads as when it happened), then sets `now` to `target`. Returns false when
    /// `budget` ran out and more is due; `now` is then the last step's due time.
    func applyDueWork(until target: Int64, budget: inout DueWorkBudget) throws -> Bool {
        while let row = try connection.first(
            "SELECT * FROM timers WHERE tenant_id = ? AND due_at <= ? ORDER BY due_at, id LIMIT 1", tenant.id, target)
        {
            guard budget.spend() else { return false }
            let timer = DueTimer(row: row)
            try connection.run("DELETE FROM timers WHERE id = ?", timer.id)
            now = timer.dueAt
            try run(timer)
        }
        now = target
        return true
    }

    func run(_ timer: DueTimer) throws {
        switch timer.kind {
        case JobTimer.start:
            if let id = timer.jobId, let job = try job(id), job.status == .queued { try markRunning(job) }
        case JobTimer.finish:
            if let id = timer.jobId { try completeJob(id) }
        default:
            guard let action = scheduler.action(for: timer.kind) else { return }
            try action(self, timer)
        }
    }
}
