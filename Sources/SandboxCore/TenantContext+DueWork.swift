import SQLiteStore

extension TenantContext {
    /// Guards against a timer that keeps rescheduling itself at the same instant.
    static let maximumStepsPerAdvance = 200_000

    /// Applies every timer due up to `target`, oldest first, each at its own due time;
    /// then sets `now` to `target`. Work scheduled by due work is applied in the same pass.
    func applyDueWork(until target: Int64) throws {
        var steps = 0
        while let row = try connection.first(
            "SELECT * FROM timers WHERE tenant_id = ? AND due_at <= ? ORDER BY due_at, id LIMIT 1", tenant.id, target)
        {
            let timer = DueTimer(row: row)
            try connection.run("DELETE FROM timers WHERE id = ?", timer.id)
            now = max(now, timer.dueAt)
            try run(timer)
            steps += 1
            guard steps < Self.maximumStepsPerAdvance else {
                throw DomainError.conflict("Too much due work at once: more than \(steps) steps; advance in smaller steps")
            }
        }
        now = max(now, target)
    }

    private func run(_ timer: DueTimer) throws {
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

    /// The earliest pending timer of this tenant, if any.
    func nextDueTime() throws -> Int64? {
        try connection.first("SELECT MIN(due_at) AS due FROM timers WHERE tenant_id = ?", tenant.id)
            .flatMap { $0.optionalInt("due").map(Int64.init) }
    }
}
