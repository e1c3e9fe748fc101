import SQLiteStore

/// One transaction over several tenants: what a scenario file needs to be applied whole or
/// not at all.
extension SandboxRuntime {
    /// A tenant entered in `performForTenants`: its context, and whether this transaction created it.
    public struct EnteredTenant {
        public let context: TenantContext
        public let created: Bool
    }

    /// Runs `work` while the lanes of all `tokens` are held, each existing tenant's due work
    /// caught up first, so that `performForTenants` neither lands between the slices of a
    /// tenant's long operation nor meets more due work than one transaction applies. Lanes
    /// are taken in sorted order: two such calls never wait for each other, and other long
    /// work holds one lane only.
    public func exclusively<T>(tokens: [String], _ work: () throws -> T) throws -> T {
        let sorted = Array(Set(tokens)).sorted()
        func hold(_ index: Int) throws -> T {
            guard index < sorted.count else {
                for token in sorted {
                    if let id = try database.read({ try TenantTable.find(token: token, in: $0)?.id }) { try catchUp(tenantId: id) }
                }
                return try work()
            }
            return try exclusively(token: sorted[index]) { try hold(index + 1) }
        }
        return try hold(0)
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
