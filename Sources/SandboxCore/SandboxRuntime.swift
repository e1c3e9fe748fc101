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
    /// token -> tenant id; touched only on the database queue.
    private var tenantIds: [String: Int] = [:]
    private var ticker: DispatchSourceTimer?

    public init(database: Database, configuration: RuntimeConfiguration, modules: [any SandboxModule]) throws {
        self.database = database
        self.configuration = configuration
        for module in modules { module.register(in: scheduler) }
        scheduler.seal()
        try database.write { connection in
            _ = try Migrator.migrate(connection, CoreSchema.migrations + modules.flatMap(\.migrations))
        }
    }

    /// Runs `body` for the tenant of `token` (created on first use in open mode) after
    /// applying its due work, all in one transaction.
    public func perform<T>(token: String?, _ body: (TenantContext) throws -> T) throws -> T {
        var events = false
        defer { if events { onEvents?() } }
        return try database.write { connection in
            let tenant = try resolve(token: token, in: connection)
            let context = TenantContext(
                connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                scheduler: scheduler)
            try context.applyDueWork(until: context.now)
            let result = try body(context)
            try context.saveRandomState()
            events = context.recordedEvents
            return result
        }
    }

    /// Runs `body` on the database queue for every tenant (the control plane's `?all=true`).
    public func performForAll<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.write(body)
    }

    private func resolve(token: String?, in connection: Connection) throws -> Tenant {
        guard let token, !token.isEmpty else {
            throw DomainError(.unauthenticated, "Authentication credentials were not provided.")
        }
        if let id = tenantIds[token], let tenant = try TenantTable.find(id: id, in: connection) { return tenant }
        if let tenant = try TenantTable.find(token: token, in: connection) {
            tenantIds[token] = tenant.id
            return tenant
        }
        let listed = configuration.knownTokens.first(where: { $0.token == token })
        if configuration.strictTokens && listed == nil { throw DomainError(.unauthenticated, "Invalid token.") }
        let tenant = try createTenant(
            token: token, balance: listed?.balance ?? configuration.defaultBalance,
            permissions: listed?.permissions ?? [], in: connection)
        tenantIds[token] = tenant.id
        return tenant
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

    func forgetTenantCache() { tenantIds.removeAll() }

    // MARK: Background scheduling for realtime tenants

    /// Applies realtime tenants' due work every `backgroundInterval` seconds, so events and
    /// scheduled tasks happen even when nobody asks.
    public func startBackgroundScheduler() {
        guard configuration.backgroundInterval > 0, ticker == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
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

    func applyRealtimeDueWork() {
        let tokens = (try? database.read { connection in
            try connection.query(
                """
                SELECT DISTINCT n.token FROM timers t JOIN tenants n ON n.id = t.tenant_id
                WHERE n.clock_mode = 'realtime'
                """
            ).map { $0.string("token") }
        }) ?? []
        for token in tokens { _ = try? perform(token: token) { _ in () } }
    }
}
