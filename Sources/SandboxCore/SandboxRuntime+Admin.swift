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
            return summary(tenant)
        }
    }

    public func tenants() throws -> [TenantSummary] {
        try database.read { connection in try TenantTable.all(in: connection).map(summary) }
    }

    /// Deletes the tenant's world; its next request starts afresh from seed-data.
    public func resetTenant(token: String) throws {
        try database.write { connection in
            try connection.run("DELETE FROM tenants WHERE token = ?", token)
            forgetTenantCache()
        }
    }

    /// Deletes every tenant and restarts ID sequences.
    public func resetAll() throws {
        try database.write { connection in
            try connection.run("DELETE FROM tenants")
            try connection.run("DELETE FROM sequences")
            try connection.run("DELETE FROM sqlite_sequence WHERE name IN ('jobs', 'timers', 'events', 'tenants')")
            forgetTenantCache()
        }
    }

    public func clock(token: String?) throws -> (clock: SandboxClock, now: Int64) {
        try perform(token: token) { context in (context.tenant.clock, context.now) }
    }

    /// Changes mode and/or scale, or sets the time (forward only: due work up to it is applied).
    public func setClock(token: String?, mode: SandboxClock.Mode?, scale: Double?, now target: Int64?) throws
        -> (clock: SandboxClock, now: Int64)
    {
        try perform(token: token) { context in
            let real = realTimeMillis()
            if let target {
                guard target >= context.now else {
                    throw DomainError.invalid("now", "now must not be earlier than the tenant's current time \(Timestamp.iso8601(context.now))")
                }
                try context.applyDueWork(until: target)
            }
            var clock = context.tenant.clock.reanchored(real: real, mode: mode, scale: scale)
            clock = clock.set(to: context.now, real: real)
            var tenant = context.tenantWithRandom
            tenant.clock = clock
            try context.replaceTenant(tenant)
            return (clock, context.now)
        }
    }

    /// Moves the tenant's time forward, applying everything that falls due on the way, in order.
    public func advanceClock(token: String?, by millis: Int64) throws -> (clock: SandboxClock, now: Int64) {
        guard millis >= 0 else { throw DomainError.invalid("seconds", "seconds must be a non-negative number") }
        return try perform(token: token) { context in
            let target = context.now + millis
            try context.applyDueWork(until: target)
            var tenant = context.tenantWithRandom
            tenant.clock = tenant.clock.set(to: target, real: realTimeMillis())
            try context.replaceTenant(tenant)
            return (tenant.clock, context.now)
        }
    }

    private func summary(_ tenant: Tenant) -> TenantSummary {
        TenantSummary(
            token: tenant.token, balance: tenant.balance, permissions: tenant.permissions,
            clockMode: tenant.clock.mode, now: tenant.clock.now(real: realTimeMillis()), scale: tenant.clock.scale)
    }
}
