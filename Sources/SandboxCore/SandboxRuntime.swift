import Dispatch
import Foundation
import SQLiteStore
import Synchronization

/// The sandbox's state machine: opens the schema, resolves tenants, and runs each request
/// as one transaction in which the tenant's due work is applied first.
public final class SandboxRuntime: @unchecked Sendable {
    public let database: Database
    public let configuration: RuntimeConfiguration
    public let scheduler = Scheduler()
    public let startedAt = realTimeMillis()
    /// Every migration of this version, in order: what an older snapshot is brought forward through.
    let migrations: [Migration]
    /// Called after a transaction that recorded state-change events commits.
    public var onEvents: (@Sendable () -> Void)?
    /// Called between the slices of a catch-up, outside any transaction: lets tests hold a
    /// long operation midway and look at what others see meanwhile.
    public var betweenSlices: (@Sendable () -> Void)?
    let lanes = TenantLanes()
    let clocks = TenantClocks()
    let tenantRows = TenantRowCache()
    let nextTimers = NextTimerCache()
    /// Deletes history older than the retention as tenants' clocks move (see Retention.swift).
    let retention: Retention
    /// Removes idle open-mode tenants; its wall clock is injectable (see TenantSweep.swift).
    public let tenantSweep: TenantSweep
    let modules: [any SandboxModule]
    private var ticker: DispatchSourceTimer?
    /// What start-up recovery did (see SandboxRuntime+Recovery.swift), one line per long
    /// operation a crash had interrupted, for the start-up log.
    public private(set) var recoveries: [String] = []

    public init(database: Database, configuration: RuntimeConfiguration, modules: [any SandboxModule]) throws {
        self.database = database
        self.configuration = configuration
        migrations = CoreSchema.migrations + modules.flatMap(\.migrations)
        retention = Retention(days: configuration.retentionDays, jobReferences: modules.flatMap(\.jobReferences))
        tenantSweep = TenantSweep(days: configuration.tenantIdleDays)
        self.modules = modules
        for module in modules { module.register(in: scheduler) }
        scheduler.seal()
        try database.write { [migrations] connection in
            _ = try Migrator.migrate(connection, migrations)
        }
        try reloadClocks()
        recoveries = try recoverLongOperations()
    }

    /// Runs `body` for the tenant of `token` (created on first use in open mode) after
    /// applying its due work, all in one transaction. A backlog larger than one slice (a
    /// realtime clock that ran while the server was down) is caught up first, in slices.
    public func perform<T>(token: String?, _ body: (TenantContext) throws -> T) throws -> T {
        while true {
            do {
                return try performOnce(token: token, body)
            } catch let backlog as DueWorkBacklog {
                try catchUp(tenantId: backlog.tenantId)
            }
        }
    }

    /// Runs `body` in the transaction of `token`'s tenant on the database queue, in the
    /// order submitted, once no long operation of that tenant is under way; `done` gets
    /// the result on the database queue. A backlog of due work is caught up off the queue,
    /// in slices, while the tenant's other requests wait. `mayRunHere`: the caller may block
    /// briefly, so the work runs on its thread when the queue is free (`Database.submit`).
    public func submit<T: Sendable>(
        token: String?, mayRunHere: Bool = false, _ body: @escaping @Sendable (TenantContext) throws -> T,
        done: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        database.submit(mayRunHere: mayRunHere) { [self] in whenFree(token) { [self] in attempt(token: token, body, done: done) } }
    }

    /// On the database queue, with the tenant's lane free: runs `body`; or, when a backlog of
    /// due work is found, catches it up off the queue while the lane is held, then tries
    /// again, ahead of the tenant's parked work.
    private func attempt<T: Sendable>(
        token: String?, _ body: @escaping @Sendable (TenantContext) throws -> T,
        done: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        do {
            done(.success(try performOnce(token: token, body)))
        } catch let backlog as DueWorkBacklog {
            // Unreachable without a token: a request without one is refused before due work.
            guard let token else { return done(.failure(backlog)) }
            lanes.occupy(token)
            runLong { [self] in
                let caughtUp = Result { try catchUp(tenantId: backlog.tenantId) }
                database.submit { [self] in
                    // Freed first, so that the retry (or an export in `done`) may hold it again.
                    let parked = lanes.release(token)
                    if case .failure(let error) = caughtUp { done(.failure(error)) } else { attempt(token: token, body, done: done) }
                    for work in parked { work() }
                }
            }
        } catch {
            done(.failure(error))
        }
    }

    /// Runs `body` on the database queue, in the order submitted, for work of no single
    /// tenant; `done` gets the result there. `mayRunHere` as above.
    public func submit<T: Sendable>(
        mayRunHere: Bool = false, _ body: @escaping @Sendable () throws -> T,
        done: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        database.submit(mayRunHere: mayRunHere) { done(Result { try body() }) }
    }

    /// Runs `work` on a thread of its own, for long work that runs its own transactions
    /// one after another (`exclusively`, `resetAll`). A thread, not a Dispatch queue: such
    /// work blocks while it waits for its turns, and blocked threads of Dispatch's
    /// width-limited pool starve everything else queued there. Long work is rare (control
    /// routes, catch-ups), so a thread each costs little.
    public func runLong(_ work: @escaping @Sendable () -> Void) {
        Thread.detachNewThread(work)
    }

    /// Runs `work` (its own transactions, one after another) from a thread other than the
    /// database queue, while the requests of `token`'s tenant wait in its lane. Other
    /// tenants' requests run between `work`'s transactions.
    public func exclusively<T>(token: String, _ work: () throws -> T) throws -> T {
        precondition(!database.isCurrentQueue, "exclusively(token:) would wait for itself on the database queue")
        let turn = DispatchSemaphore(value: 0)
        database.submit { [self] in
            whenFree(token) { [self] in
                lanes.occupy(token)
                turn.signal()
            }
        }
        turn.wait()
        defer { database.submit { [self] in releaseLane(token) } }
        return try work()
    }

    /// On the database queue: ends the long operation of `token`'s tenant and runs the work
    /// that waited for it, oldest first.
    func releaseLane(_ token: String) {
        for parked in lanes.release(token) { parked() }
    }

    /// How many requests of `token`'s tenant wait for its long operation.
    public func waitingRequests(token: String) -> Int {
        (try? database.read { _ in lanes.waiting(token) }) ?? 0
    }

    /// On the database queue: runs `work` now, or after the long operation of `token`'s tenant.
    private func whenFree(_ token: String?, _ work: @escaping @Sendable () -> Void) {
        if let token, lanes.isOccupied(token) {
            lanes.park(token) { [self] in whenFree(token, work) }
        } else {
            work()
        }
    }

    private func performOnce<T>(token: String?, _ body: (TenantContext) throws -> T) throws -> T {
        var events = false
        defer { if events { onEvents?() } }
        var clock: (token: String, clock: SandboxClock)?
        let result = try database.write { connection in
            let unchanged = connection.totalChanges
            let tenant = try resolve(token: token, in: connection)
            let context = TenantContext(
                connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                scheduler: scheduler)
            let idle = try nextTimers.nothingDue(
                tenantId: tenant.id, until: context.now, in: connection, unchangedSince: unchanged)
            var budget = DueWorkBudget.slice()
            guard try idle || context.applyDueWork(until: context.now, budget: &budget) else {
                throw DueWorkBacklog(tenantId: tenant.id)
            }
            try keepStorage(context, request: true)
            let result = try body(context)
            try context.saveRandomState()
            events = context.recordedEvents
            clock = (tenant.token, context.tenant.clock)
            return result
        }
        if let clock { clocks.remember(clock.token, clock.clock) }
        return result
    }

    /// Applies a tenant's due work up to its clock's present in slices, each its own
    /// transaction, so other work runs between them. Gives up (409) past a million steps:
    /// that is a model rescheduling itself without moving on.
    func catchUp(tenantId: Int) throws {
        try database.deferringCheckpoints { try catchUpInSlices(tenantId: tenantId) }
    }

    private func catchUpInSlices(tenantId: Int) throws {
        let progress = Mutex(CatchUpProgress())
        while true {
            // Slice after slice on the queue, others' work between them; back on this thread
            // for what must not run there: a checkpoint's flush, and the tests' hook.
            try database.inTurns { [self] in
                try progress.withLock { try applySlice(of: tenantId, &$0) }
                    && !database.checkpointDue && betweenSlices == nil
            }
            if progress.withLock({ $0.done }) { return }
            database.checkpointIfDue()
            betweenSlices?()
        }
    }

    /// One slice of a catch-up, its own transaction, on the database queue; returns whether
    /// more is due.
    private func applySlice(of tenantId: Int, _ progress: inout CatchUpProgress) throws -> Bool {
        guard progress.steps < DueWorkBudget.maximumSteps else {
            throw DomainError.conflict("Too much due work: more than a million steps are due at once")
        }
        var events = false
        let pruneAt = progress.pruneAt
        let slice = try database.write { connection -> (done: Bool, steps: Int, pruneAt: Int64?) in
            guard let tenant = try TenantTable.find(id: tenantId, in: connection) else { return (true, 0, nil) }
            if let pruneAt {
                try keepStorage(TenantContext(connection: connection, tenant: tenant, now: pruneAt, scheduler: scheduler), request: false)
                return (false, 0, nil)
            }
            let context = TenantContext(
                connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                scheduler: scheduler)
            var budget = DueWorkBudget.catchUp(othersWaiting: { [database] in database.othersWaiting })
            let done = try context.applyDueWork(until: context.now, budget: &budget)
            let pruneNext = !done && database.othersWaiting && retention.isDue(context)
            if !pruneNext { try keepStorage(context, request: false) }
            try context.saveRandomState()
            events = context.recordedEvents
            return (done, budget.applied, pruneNext ? context.now : nil)
        }
        if events { onEvents?() }
        progress.done = slice.done
        progress.pruneAt = slice.pruneAt
        progress.steps += slice.steps
        return !slice.done
    }

    /// Runs `body` on the database queue for every tenant (the control plane's `?all=true`).
    public func performForAll<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.write(body)
    }

    private func resolve(token: String?, in connection: Connection) throws -> Tenant {
        guard let token, !token.isEmpty else {
            throw DomainError(.unauthenticated, "Authentication credentials were not provided.")
        }
        // First in its transaction, so what is remembered is committed (see ChangeCountMemo).
        if let tenant = tenantRows.value(for: token, in: connection) { return tenant }
        if let tenant = try TenantTable.find(token: token, in: connection) {
            tenantRows.remember(tenant, for: token, at: connection.totalChanges)
            return tenant
        }
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
        timer.setEventHandler { [weak self] in
            self?.applyRealtimeDueWork()
            self?.removeIdleTenantsWhenDue()
        }
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
                SELECT DISTINCT n.id, n.token FROM tenants n JOIN timers t ON t.tenant_id = n.id
                WHERE n.clock_mode = 'realtime'
                  AND t.due_at <= n.clock_anchor_sandbox + CAST((? - n.clock_anchor_real) * n.clock_scale AS INTEGER)
                """, [real]
            ).map { (id: try $0.int("id"), token: try $0.string("token")) }
        }) ?? []
        // In the tenant's lane, like any long work: never between the slices of another.
        for tenant in due { try? exclusively(token: tenant.token) { try catchUp(tenantId: tenant.id) } }
    }
}

/// Thrown out of a request's transaction when its tenant has more due work than one
/// transaction applies; `perform` catches up and runs the request again.
struct DueWorkBacklog: Error {
    let tenantId: Int
}

/// How far a catch-up has come, carried from slice to slice.
private struct CatchUpProgress {
    var steps = 0
    var done = false
    /// The sandbox time a slice cut short for others reached with its history's prune due:
    /// that prune is then a slice of its own (deleting a tenth of the retention's history
    /// took as long again as a slice, and whoever waited waited for both).
    var pruneAt: Int64?
}
