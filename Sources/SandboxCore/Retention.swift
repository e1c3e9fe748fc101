import SQLiteStore

/// Storage follows live state: a tenant's events and ended jobs older than the retention on
/// its own clock are deleted as that clock moves. Pruning runs inside the transaction that
/// moved the clock, at most once per tenth of the retention of sandbox time, and deletes index
/// ranges (events by id, jobs by end time), so its cost is that of the rows it removes.
/// A job that a live row still points at (a backup's job, a BYOD order's) is kept with it;
/// each job is looked at once, when it crosses the line, so one whose row goes later stays
/// until its tenant does.
struct Retention: Sendable {
    /// Sandbox milliseconds of history kept; 0 keeps everything.
    let keep: Int64
    /// Rows deleted per table and prune at most: a long-neglected history (a database from
    /// before retention) is trimmed over several transactions rather than in one long one.
    let batch: Int
    /// Deletes the tenant's ended jobs that crossed the retention line since the last prune,
    /// at most `batch` at a time (?1 tenant, ?2 cutoff, ?3 batch, ?4 the last prune's cutoff).
    private let jobDeletion: String

    init(days: Double, jobReferences: [JobReference], batch: Int = 10_000) {
        self.batch = batch
        keep = days > 0 ? max(1, Int64((days * 86_400_000).rounded())) : 0
        // Only the window since the last prune, and references looked up per candidate: a
        // prune costs the jobs that just crossed the line, however much history is kept.
        let referenced = jobReferences.map {
            " AND NOT EXISTS (SELECT 1 FROM \($0.table) r WHERE r.\($0.column) = jobs.id)"
        }
        jobDeletion = """
            DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE tenant_id = ?1 AND ended_at >= ?4 AND ended_at < ?2\
            \(referenced.joined()) LIMIT ?3)
            """
    }

    /// Prunes the tenant's history when its clock has moved a tenth of the retention since the
    /// last prune; returns whether a prune is still under way. A prune cut short by `batch`
    /// leaves the mark, so the next transaction goes on, and records its intent, so that a
    /// crash before then is finished at the next start (see LongOperation).
    @discardableResult
    func pruneIfDue(_ context: TenantContext) throws -> Bool {
        guard isDue(context) else { return false }
        let cutoff = context.now - keep
        let eventsDone = try pruneEvents(of: context.tenantId, before: cutoff, in: context.connection)
        // A tenant never pruned starts from the beginning of time.
        let since = context.tenant.historyPrunedAt > 0 ? context.tenant.historyPrunedAt - keep : Int64.min
        let jobsDone = try pruneJobs(of: context.tenantId, from: since, before: cutoff, in: context.connection)
        let operation = LongOperation(kind: .pruneHistory, subject: context.tenantId, label: TenantLabel.of(context.tenant.token))
        guard eventsDone && jobsDone else {
            try operation.begin(in: context.connection)
            return true
        }
        try context.connection.run("UPDATE tenants SET history_pruned_at = ? WHERE id = ?", context.now, context.tenantId)
        try operation.end(in: context.connection)
        return false
    }

    /// Whether the tenant's clock has moved a tenth of the retention since the last prune.
    func isDue(_ context: TenantContext) -> Bool {
        keep > 0 && context.now - context.tenant.historyPrunedAt >= max(1, keep / 10)
    }

    /// Events are written in the order of the tenant's clock, so the old ones are a prefix of
    /// its ids: found from the first kept event and deleted as an id range. Out of order (an
    /// imported snapshot), a newer event is never deleted early, and an old one written after it
    /// goes once that one has. Records the newest id dropped, for the event stream's `dropped`
    /// answer. Returns false when cut short by `batch`.
    private func pruneEvents(of tenantId: Int, before cutoff: Int64, in connection: Connection) throws -> Bool {
        var bound: Int?
        var complete = true
        if let row = try connection.first(
            "SELECT id, at FROM events WHERE tenant_id = ? ORDER BY id LIMIT 1 OFFSET ?", tenantId, batch),
            try row.int64("at") < cutoff
        {
            bound = try row.int("id")
            complete = false
        } else {
            bound = try connection.first(
                "SELECT id FROM events WHERE tenant_id = ? AND at >= ? ORDER BY id LIMIT 1", tenantId, cutoff
            )?.int("id")
        }
        guard let last = try connection.first(
            "SELECT id FROM events WHERE tenant_id = ? AND id < ? AND at < ? ORDER BY id DESC LIMIT 1",
            tenantId, bound ?? Int.max, cutoff)?.int("id")
        else { return complete }
        try connection.run("DELETE FROM events WHERE tenant_id = ? AND id <= ? AND at < ?", tenantId, last, cutoff)
        try connection.run(
            "UPDATE tenants SET events_dropped_through = max(events_dropped_through, ?) WHERE id = ?", last, tenantId)
        return complete
    }

    private func pruneJobs(of tenantId: Int, from since: Int64, before cutoff: Int64, in connection: Connection) throws -> Bool {
        try connection.run(jobDeletion, tenantId, cutoff, batch, since) < batch
    }
}

extension SandboxRuntime {
    /// Storage upkeep after a transaction's due work: prunes the tenant's history when due
    /// and, for a request (not a background catch-up), notes that the tenant is in use.
    func keepStorage(_ context: TenantContext, request: Bool) throws {
        try retention.pruneIfDue(context)
        if request { try tenantSweep.noteRequest(of: context.tenant, in: context.connection) }
    }
}
