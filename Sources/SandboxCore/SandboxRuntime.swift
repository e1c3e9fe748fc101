import Dispatch
import SQLiteStore

/// The sandbox's state machine: opens the schema, resolves tenants, and runs each request
/// as one transaction in which the tenant's due work is applied first.
public final class SandboxRuntime: @unchecked Sendable {
    public let database: Database
    public let configuration: RuntimeConfiguration
    public let scheduler = Scheduler()
    public let startedAt = realTimeMillis()
    /// Called after a transaction that recorded state-change events commits.
    public var onEvents: (@Sendable () -> Void)?
    let modules: [any SandboxModule]
    private var ticker: DispatchSourceTimer?

    public init(database: Database, configuration: RuntimeConfiguration, modules: [any SandboxModule]) throws {
        self.database = database
        self.configuration = configuration
        self.modules = modules
        for module in modules { module.register(in: scheduler) }
        scheduler.seal()
        try database.write { connection in
            _ = try Migrator.migrate(connection, CoreSchema.migrations + modules.flatMap(\.migrations))
        }
    }

    /// Runs `body` for the tenant of `token` (created on first use in open mode) after
    /// applying its due work, all in one transaction. A backlog too large for one transaction
    /// (a realtime clock that ran while the server was down) is caught up first.
    public func perform<T>(token: String?, _ body: (TenantContext) throws -> T) throws -> T {
        while true {
            do {
                return try performOnce(token: token, body)
            } catch let backlog as DueWorkBacklog {
                try catchUp(tenantId: backlog.tenantId)
            }
        }
    }

    private func performOnce<T>(token: String?, _ body: (TenantContext) throws -> T) throws -> T {
        var events = false
        defer { if events { onEvents?() } }
        return try database.write { connection in
            let tenant = try resolve(token: token, in: connection)
            let context = TenantContext(
                connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                scheduler: scheduler)
            guard try context.applyDueWork(until: context.now) else { throw DueWorkBacklog(tenantId: tenant.id) }
            let result = try body(context)
            try context.saveRandomState()
            events = context.recordedEvents
            return result
        }
    }

    /// Applies a tenant's due work up to its clock's present in committed chunks. Gives up
    /// (409) past a million steps: that is a model rescheduling itself without moving on.
    func catchUp(tenantId: Int) throws {
        for _ in 0..<100 {
            var events = false
            let done = try database.write { connection -> Bool in
                guard let tenant = try TenantTable.find(id: tenantId, in: connection) else { return true }
                let context = TenantContext(
                    connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                    scheduler: scheduler)
                let done = try context.applyDueWork(until: context.now)
                try context.saveRandomState()
                events = context.recordedEvents
                return done
            }
            if events { onEvents?() }
            if done { return }
        }
        throw DomainError.conflict("Too much due work: more than a million steps are due at once")
    }

    /// Runs `body` on the database queue for every tenant (the control plane's `?all=true`).
    public func performForAll<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.write(body)
    }

    private func resolve(token: String?, in connection: Connection) throws -> Tenant {
        guard let token, !token.isEmpty else {
            throw DomainError(.unauthenticated, "Authentication credentials were not provided.")
        }
        // No token -> id cache: a cache filled inside a transaction that rolls back would
        // outlive the row, and the UNIQUE index makes this lookup as cheap as one by id.
        if let tenant = try TenantTable.find(token: token, in: connection) { return tenant }
        let listed = configuration.knownTokens.first(where: { $0.token == token })
        if configuration.strictTokens && listed == nil { throw DomainError(.unauthenticated, "Invalid token.") }
        return try createTenant(
            token: token, balance: listed?.balance ?? configuration.defaultBalance,
            permissions: listed?.permissions ?? [], in: connection)
    }

    func createTenant(token: String, balance: Double, permissions: [String], in connection: Connection) throws -> Tenant {
        let real = realTimeMillis()
        let start = configuration.seed == nil ? real : RuntimeConfiguration.seededEpoch
        let clock = SandboxClock(
            mode: configuration.defaultClockMode, scale: configuration.timeScale, anchorSandbox: start, anchorReal: real)
        let random = configuration.seed.map { SeededRandom(seed: $0, token: token) }
            ?? SeededRandom(state: UInt64.random(in: 0...UInt64.max))
        return try TenantTable.insert(
            token: token, balanceCents: Int64((balance * 100).rounded()), permissions: permissions, clock: clock,
            randomState: random.state, in: connection)
    }

    // MARK: Background scheduling for realtime tenants

    /// Applies realtime tenants' due work every `backgroundInterval` seconds, so events and
    /// scheduled tasks happen even when nobody asks.
    public func startBackgroundScheduler() {
        guard configuration.backgroundInterval > 0, ticker == nil else { return }
        // A queue of its own: global queues are width-limited and starve when threads block.
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sandbox.scheduler.background"))
        let interval = configuration.backgroundInterval
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.applyRealtimeDueWork() }
        ticker = timer
        timer.resume()
    }

    public func stopBackgroundScheduler() {
        ticker?.cancel()
        ticker = nil
    }

    /// Catches up realtime tenants whose earliest timer has fallen due; by id, so a tenant
    /// reset in the meantime is not brought back.
    func applyRealtimeDueWork() {
        let real = realTimeMillis()
        let due = (try? database.read { connection in
            try connection.query(
                """
                SELECT DISTINCT n.id FROM tenants n JOIN timers t ON t.tenant_id = n.id
                WHERE n.clock_mode = 'realtime'
                  AND t.due_at <= n.clock_anchor_sandbox + CAST((? - n.clock_anchor_real) * n.clock_scale AS INTEGER)
                """, [real]
            ).map { $0.int("id") }
        }) ?? []
        for tenantId in due { try? catchUp(tenantId: tenantId) }
    }
}

/// Thrown out of a request's transaction when its tenant has more due work than one
/// transaction applies; `perform` catches up and runs the request again.
struct DueWorkBacklog: Error {
    let tenantId: Int
}
