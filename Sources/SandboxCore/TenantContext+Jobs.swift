import SQLiteStore
import StructuredData

extension TenantContext {
    /// Starts a job of a registered kind: queued for `queuedFor` ms, then running for
    /// `runsFor` ms of sandbox time.
    @discardableResult
    public func startJob(
        _ kind: String, resourceType: String, resourceId: Int,
        queuedFor: Int64 = 2_000, runsFor: Int64, payload: JSONValue = .object([:])
    ) throws -> JobRecord {
        precondition(scheduler.jobKind(kind) != nil, "job kind \(kind) is not registered")
        let startsAt = now + max(0, queuedFor)
        let finishesAt = startsAt + max(1, runsFor)
        let payloadText = JSONWriter.string(payload)
        try connection.run(
            """
            INSERT INTO jobs (tenant_id, kind, resource_type, resource_id, status, created_at, starts_at, finishes_at, payload)
            VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)
            """,
            tenant.id, kind, resourceType, resourceId, now, startsAt, finishesAt, payloadText)
        let id = Int(connection.lastInsertedRowID)
        try schedule(JobTimer.start, at: startsAt, resourceType: resourceType, resourceId: resourceId, jobId: id)
        try schedule(JobTimer.finish, at: finishesAt, resourceType: resourceType, resourceId: resourceId, jobId: id)
        try recordTransition(resourceType: "job", resourceId: id, from: nil, to: "queued", jobId: id)
        // As inserted, without reading the row back.
        return JobRecord(
            id: id, tenantId: tenant.id, kind: kind, resourceType: resourceType, resourceId: resourceId, createdAt: now,
            state: JobState(status: .queued, startsAt: startsAt, finishesAt: finishesAt), payloadText: payloadText)
    }

    /// This tenant's job, or nil (another tenant's job is nil too). Jobs are polled: their
    /// rows are remembered while nothing is written (`Connection.rememberedFirst`).
    public func job(_ id: Int) throws -> JobRecord? {
        try connection.rememberedFirst("SELECT * FROM jobs WHERE id = ? AND tenant_id = ?", id, tenant.id, decodedAs: JobRecord.init(row:))
    }

    /// The job's status, times and output only: for status polls.
    public func jobState(_ id: Int) throws -> JobState? {
        try connection.rememberedFirst(Self.jobStateQuery, id, tenant.id, decodedAs: JobState.init(row:))
    }

    /// Built once: clients poll a job's state, and interpolating the statement cost more than reading it.
    private static let jobStateQuery = "SELECT \(JobState.columns) FROM jobs WHERE id = ? AND tenant_id = ?"

    public func jobs(resourceType: String? = nil, resourceId: Int? = nil, activeOnly: Bool = false) throws -> [JobRecord] {
        let sql = Self.jobsQuery(byResourceType: resourceType != nil, byResourceId: resourceId != nil, activeOnly: activeOnly)
        var arguments: [any SQLBindable] = [tenant.id]
        if let resourceType { arguments.append(resourceType) }
        if let resourceId { arguments.append(resourceId) }
        return try connection.query(sql, arguments).map(JobRecord.init(row:))
    }

    /// The statement `jobs` runs; its parameters are the tenant, then the filters asked for.
    static func jobsQuery(byResourceType: Bool, byResourceId: Bool, activeOnly: Bool) -> String {
        var sql = "SELECT * FROM jobs WHERE tenant_id = ?"
        if byResourceType { sql += " AND resource_type = ?" }
        if byResourceId { sql += " AND resource_id = ?" }
        // Verbatim the WHERE of the partial index jobs_active_by_resource, which SQLite uses only then.
        if activeOnly { sql += " AND status IN ('queued', 'running')" }
        return sql + " ORDER BY id"
    }

    /// Runs the job's completion now (a forced outcome), cancelling its timers.
    public func completeJob(_ id: Int) throws { try completeJob(id, cancellingTimers: true) }

    /// Its finish timer runs it with `cancellingTimers` false: the start timer, due earlier,
    /// has run, and the finish timer has been taken, so the job has no timer left.
    func completeJob(_ id: Int, cancellingTimers: Bool) throws {
        guard let job = try job(id), job.isActive, let kind = scheduler.jobKind(job.kind) else { return }
        if cancellingTimers { try connection.run("DELETE FROM timers WHERE job_id = ?", id) }
        if job.status == .queued { try markRunning(jobId: id) }
        // Through the statement cache (`run`, not `execute`): this runs for every job.
        try connection.run("SAVEPOINT job_completion")
        do {
            let output = try kind.complete(self, job)
            try connection.run("RELEASE job_completion")
            try end(job, from: .running, status: .finished, output: output)
        } catch let refusal as DomainError {
            try connection.run("ROLLBACK TO job_completion")
            try connection.run("RELEASE job_completion")
            try failJob(id, output: refusal.message)
        }
    }

    /// Fails an active job with `output`, letting its kind put the resource back in order.
    public func failJob(_ id: Int, output: String) throws {
        guard let job = try job(id), job.isActive, let kind = scheduler.jobKind(job.kind) else { return }
        try connection.run("DELETE FROM timers WHERE job_id = ?", id)
        try end(job, from: job.status, status: .failed, output: .string(output))
        try kind.fail(self, job, output)
    }

    /// Cancels a resource's active jobs (a forced reset kills running tasks).
    public func cancelJobs(resourceType: String, resourceId: Int, reason: String) throws {
        for job in try jobs(resourceType: resourceType, resourceId: resourceId, activeOnly: true) {
            try failJob(job.id, output: reason)
        }
    }

    /// Moves the tenant's job from queued to running; a job in any other state stays as it is.
    func markRunning(jobId: Int) throws {
        guard try connection.run(
            "UPDATE jobs SET status = 'running' WHERE id = ? AND tenant_id = ? AND status = 'queued'", jobId, tenant.id) > 0
        else { return }
        try recordTransition(resourceType: "job", resourceId: jobId, from: "queued", to: "running", jobId: jobId)
    }

    private func end(_ job: JobRecord, from: JobRecord.Status, status: JobRecord.Status, output: JSONValue) throws {
        try connection.run(
            "UPDATE jobs SET status = ?, output = ?, ended_at = ? WHERE id = ?",
            status.rawValue, JSONWriter.string(output), now, job.id)
        try recordTransition(
            resourceType: "job", resourceId: job.id, from: from.rawValue, to: status.rawValue, jobId: job.id)
    }
}
