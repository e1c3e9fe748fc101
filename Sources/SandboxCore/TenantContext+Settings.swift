import SQLiteStore

/// Changing the tenant itself from inside a transaction (scenarios set balance, permissions
/// and clock together with the objects they create).
extension TenantContext {
    public func setBalance(cents: Int64) throws {
        var updated = tenantWithRandom
        updated.balanceCents = cents
        try replaceTenant(updated)
    }

    public func setPermissions(_ permissions: [String]) throws {
        var updated = tenantWithRandom
        updated.permissions = permissions
        try replaceTenant(updated)
    }

    /// Changes mode and scale, and moves the time to `target` when it is later than now,
    /// applying the work that falls due on the way. An earlier `target` is ignored (time never
    /// runs backwards under the tenant's timers) unless `backwards` allows it: for a tenant
    /// created in this transaction, which has nothing scheduled yet.
    public func setClock(mode: SandboxClock.Mode?, scale: Double?, now target: Int64?, backwards: Bool = false) throws {
        let real = realTimeMillis()
        let destination = backwards ? (target ?? now) : max(target ?? now, now)
        guard SandboxClock.representable.contains(destination) else {
            throw DomainError.invalid("now", "the sandbox clock cannot go past 9999-12-31T23:59:59Z")
        }
        var budget = DueWorkBudget.steps(DueWorkBudget.sliceSteps)
        guard try applyDueWork(until: destination, budget: &budget) else {
            throw DomainError.conflict("Too much due work before \(Timestamp.iso8601(destination)) to apply in one transaction")
        }
        var updated = tenantWithRandom
        updated.clock = tenant.clock.reanchored(real: real, mode: mode, scale: scale).set(to: destination, real: real)
        try replaceTenant(updated)
    }

    /// Fires a resource's pending timers now, in due order, including those they schedule
    /// for it in turn (at most `limit`): a scenario's way to say "this has already happened".
    public func fireTimers(resourceType: String, resourceId: Int, limit: Int = 20) throws {
        for _ in 0..<limit {
            guard let row = try connection.first(
                "SELECT * FROM timers WHERE tenant_id = ? AND resource_type = ? AND resource_id = ? ORDER BY due_at, id LIMIT 1",
                tenant.id, resourceType, resourceId)
            else { return }
            let timer = try DueTimer(row: row)
            try connection.run("DELETE FROM timers WHERE id = ?", timer.id)
            try run(timer)
        }
    }
}
