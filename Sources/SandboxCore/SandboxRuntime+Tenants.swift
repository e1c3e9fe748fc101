import SQLiteStore

/// One transaction over several tenants: what a scenario file needs to be applied whole or
/// not at all.
extension SandboxRuntime {
    /// A tenant entered in `performForTenants`: its context, and whether this transaction created it.
    public struct EnteredTenant {
        public let context: TenantContext
        public let created: Bool
    }

    /// Runs `body` in one transaction; `enter(token)` gives a tenant's context (the tenant is
    /// created on first use, even under `--strict-tokens`, like `POST /_sandbox/tenants`),
    /// with its due work applied. Anything thrown rolls back every tenant.
    public func performForTenants<T>(_ body: (_ enter: (String) throws -> EnteredTenant) throws -> T) throws -> T {
        var events = false
        var touched: [Tenant] = []
        defer {
            if events { onEvents?() }
            for tenant in touched { clocks.remember(tenant.token, tenant.clock) }
        }
        return try database.write { connection in
            var entered: [TenantContext] = []
            let enter = { [self] (token: String) throws -> EnteredTenant in
                let existing = try TenantTable.find(token: token, in: connection)
                let listed = configuration.knownTokens.first(where: { $0.token == token })
                let tenant = try existing ?? createTenant(
                    token: token, balance: listed?.balance ?? configuration.defaultBalance,
                    permissions: listed?.permissions ?? [], in: connection)
                let context = TenantContext(
                    connection: connection, tenant: tenant, now: tenant.clock.now(real: realTimeMillis()),
                    scheduler: scheduler)
                var budget = DueWorkBudget.slice()
                guard try context.applyDueWork(until: context.now, budget: &budget) else {
                    throw DomainError.conflict("Tenant \(token) has too much due work to catch up in one transaction; send it a request first")
                }
                entered.append(context)
                return EnteredTenant(context: context, created: existing == nil)
            }
            let result = try body(enter)
            for context in entered {
                try context.saveRandomState()
                events = events || context.recordedEvents
            }
            touched = entered.map(\.tenant)
            return result
        }
    }
}
