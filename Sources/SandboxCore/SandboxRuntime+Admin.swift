import SQLiteStore

/// Tenant and clock administration, for the control plane.
extension SandboxRuntime {
    public struct TenantSummary: Sendable {
        public let token: String
        public let balance: Double
        public let permissions: [String]
        public let clockMode: SandboxClock.Mode
        public let now: Int64
        public let scale: Double
    }

    /// Creates the tenant of `token`, or updates its balance and permissions.
    public func upsertTenant(token: String, balance: Double?, permissions: [String]?) throws -> TenantSummary {
        try database.write { connection in
            var tenant = try TenantTable.find(token: token, in: connection)
                ?? createTenant(
                    token: token, balance: configuration.defaultBalance, permissions: [], in: connection)
            if let balance { tenant.balanceCents = Int64((balance * 100).rounded()) }
            if let permissions { tenant.permissions = permissions }
            try TenantTable.save(tenant, in: connection)
            clocks.remember(tenant.token, tenant.clock)
            try TenantSweep.pin(tenantId: tenant.id, in: connection)
            return summary(tenant)
        }
    }

    public func tenants() throws -> [TenantSummary] {
        try database.read { connection in try TenantTable.all(in: connection).map { summary($0) } }
    }

    /// Deletes the tenant's world; its next request starts afresh from seed-data.
    public func resetTenant(token: String) throws {
        try exclusively(token: token) {
            let (tenant, tables) = try database.read { connection in
                (try TenantTable.find(token: token, in: connection), try TableOrder.childrenFirst(connection))
            }
            if let tenant { try eraseTenant(id: tenant.id, tables: tables) }
            clocks.forget(token)
        }
    }

    /// Deletes every tenant and restarts ID sequences. Tenants go one by one, each in slices
    /// (see `eraseTenant`), so requests of tenants not yet deleted keep being answered; the
    /// last transaction also deletes tenants that were created meanwhile. Its intent is
    /// recorded before the first tenant goes and removed by the last transaction: a crash
    /// between is finished at the next start (see LongOperation), which calls this again.
    public func resetAll() throws {
        let operation = LongOperation(kind: .resetAll, subject: 0)
        let (ids, tables) = try database.write { connection in
            try operation.begin(in: connection)
            return (
                try connection.query("SELECT id FROM tenants ORDER BY id").map { try $0.int("id") },
                try TableOrder.childrenFirst(connection)
            )
        }
        for id in ids { try eraseTenant(id: id, tables: tables) }
        try database.write { connection in
            try connection.run("DELETE FROM tenants")
            try connection.run("DELETE FROM sequences")
            try connection.run("DELETE FROM sqlite_sequence WHERE name IN ('jobs', 'timers', 'events', 'tenants')")
            try operation.end(in: connection)
        }
        // Read back rather than emptied: a tenant may be created between that commit and now.
        try reloadClocks()
    }

    public func clock(token: String?) throws -> (clock: SandboxClock, now: Int64) {
        try perform(token: token) { context in (context.tenant.clock, context.now) }
    }

    /// Changes mode and/or scale, or sets the time (forward only: due work up to it is applied).
    public func setClock(token: String?, mode: SandboxClock.Mode?, scale: Double?, now target: Int64?) throws
        -> (clock: SandboxClock, now: Int64)
    {
        try moveClock(token: token) { context in
            let real = realTimeMillis()
            if let target, target < context.now {
                throw DomainError.invalid(
                    "now", "now must not be earlier than the tenant's current time \(Timestamp.iso8601(context.now))")
            }
            let clock = context.tenant.clock.reanchored(real: real, mode: mode, scale: scale)
            return clock.set(to: target ?? context.now, real: real)
        }
    }

    /// Moves the tenant's time forward, applying everything that falls due on the way, in order.
    public func advanceClock(token: String?, by millis: Int64) throws -> (clock: SandboxClock, now: Int64) {
        guard millis >= 0 else { throw DomainError.invalid("seconds", "seconds must be a non-negative number") }
        return try moveClock(token: token) { context in
            context.tenant.clock.set(to: context.now + millis, real: realTimeMillis())
        }
    }

    /// Stores the clock `change` computes, then reads it back: that read's transaction applies
    /// the work that fell due on the way (in several transactions if there is a lot of it).
    private func moveClock(token: String?, _ change: (TenantContext) throws -> SandboxClock) throws
        -> (clock: SandboxClock, now: Int64)
    {
        guard let token, !token.isEmpty else { return try clock(token: token) }
        return try exclusively(token: token) {
            // The intent goes in with the new clock; a crash while the due work is applied is
            // finished at the next start (see LongOperation) instead of at the next request.
            let operation = try perform(token: token) { context in
                var tenant = context.tenantWithRandom
                tenant.clock = try change(context)
                guard SandboxClock.representable.contains(tenant.clock.anchorSandbox) else {
                    throw DomainError.invalid("now", "the sandbox clock cannot go past 9999-12-31T23:59:59Z")
                }
                try context.replaceTenant(tenant)
                let operation = LongOperation(kind: .advanceClock, subject: context.tenantId, label: TenantLabel.of(token))
                try operation.begin(in: context.connection)
                return operation
            }
            let moved: (clock: SandboxClock, now: Int64)
            do { moved = try clock(token: token) } catch {
                // A catch-up that fails (a corrupt row, too much due work) is the caller's answer,
                // and is tried again at the tenant's next request: no intent is left for the next start.
                try database.write { try operation.end(in: $0) }
                throw error
            }
            try database.write { try operation.end(in: $0) }
            return moved
        }
    }

    func summary(_ tenant: Tenant, now: Int64? = nil) -> TenantSummary {
        TenantSummary(
            token: tenant.token, balance: tenant.balance, permissions: tenant.permissions,
            clockMode: tenant.clock.mode, now: now ?? tenant.clock.now(real: realTimeMillis()), scale: tenant.clock.scale)
    }
}
