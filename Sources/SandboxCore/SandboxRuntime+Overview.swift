import SQLiteStore

/// What the dashboard shows of each tenant: its clock, resources, jobs and next timers.
extension SandboxRuntime {
    public struct TenantOverview: Sendable {
        public let tenant: TenantSummary
        public let resources: [InventoryItem]
        /// Active jobs and the most recently ended ones, oldest first.
        public let jobs: [JobRecord]
        /// The next pending timers, the soonest first.
        public let timers: [DueTimer]
    }

    /// Every tenant (or only that of `token`, when it exists), as of its clock's present.
    /// Realtime tenants' due work is applied first, by tenant id, so the overview neither
    /// creates a tenant nor brings back one reset meanwhile.
    public func overview(token: String?, endedJobs: Int = 10, timers timerLimit: Int = 10) throws -> [TenantOverview] {
        applyRealtimeDueWork()
        return try database.read { connection in
            let tenants = try token.map { try TenantTable.find(token: $0, in: connection).map { [$0] } ?? [] }
                ?? TenantTable.all(in: connection)
            let real = realTimeMillis()
            return try tenants.map { tenant in
                let context = TenantContext(
                    connection: connection, tenant: tenant, now: tenant.clock.now(real: real), scheduler: scheduler)
                return TenantOverview(
                    tenant: summary(tenant, now: context.now),
                    resources: try modules.flatMap { try $0.inventory(in: context) },
                    jobs: try recentJobs(of: tenant.id, ended: endedJobs, in: connection),
                    timers: try connection.query(
                        "SELECT * FROM timers WHERE tenant_id = ? ORDER BY due_at, id LIMIT ?", [tenant.id, timerLimit]
                    ).map(DueTimer.init(row:)))
            }
        }
    }

    /// The id of the newest event of any tenant (0 when there is none): where a live view
    /// starts its long-poll.
    public func lastEventId() throws -> Int {
        try database.read { connection in
            try connection.first("SELECT COALESCE(MAX(id), 0) AS last FROM events")?.int("last") ?? 0
        }
    }

    private func recentJobs(of tenantId: Int, ended: Int, in connection: Connection) throws -> [JobRecord] {
        try connection.query(
            """
            SELECT * FROM jobs WHERE tenant_id = ? AND (status IN ('queued', 'running') OR id IN (
                SELECT id FROM jobs WHERE tenant_id = ? AND status NOT IN ('queued', 'running') ORDER BY id DESC LIMIT ?))
            ORDER BY id
            """, [tenantId, tenantId, ended]
        ).map(JobRecord.init(row:))
    }
}
