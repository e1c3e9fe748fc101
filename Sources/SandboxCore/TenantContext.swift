import SQLiteStore
import StructuredData

/// Everything a model needs to act for one tenant inside one transaction: the connection,
/// the tenant, the tenant's current sandbox time, its random source, and the scheduler.
/// Lives only on the database queue for the length of one request (or one scheduler tick).
public final class TenantContext {
    public let connection: Connection
    public private(set) var tenant: Tenant
    /// The tenant's sandbox time. While due work is applied it is the due time of the work,
    /// so timestamps written by that work read as when it happened.
    public internal(set) var now: Int64
    public var random: SeededRandom
    let scheduler: Scheduler
    private(set) var recordedEvents = false

    init(connection: Connection, tenant: Tenant, now: Int64, scheduler: Scheduler) {
        self.connection = connection
        self.tenant = tenant
        self.now = now
        self.random = SeededRandom(state: tenant.randomState)
        self.scheduler = scheduler
    }

    public var tenantId: Int { tenant.id }

    // MARK: Balance and permissions

    public func hasPermission(_ name: String) -> Bool { tenant.hasPermission(name) }

    /// Takes `euros` from the balance, or refuses with 402 and changes nothing.
    public func charge(euros: Double) throws {
        let cents = Int64((euros * 100).rounded())
        guard cents <= tenant.balanceCents else { throw DomainError.insufficientBalance }
        tenant.balanceCents -= cents
        try TenantTable.save(tenantWithRandom, in: connection)
    }

    // MARK: Identifiers

    /// The next value of a global sequence (IDs unique across tenants), starting at `first`.
    public func nextID(_ sequence: String, first: Int) throws -> Int {
        let row = try connection.first(
            """
            INSERT INTO sequences (name, next_value) VALUES (?, ?)
            ON CONFLICT(name) DO UPDATE SET next_value = next_value + 1
            RETURNING next_value
            """, sequence, first)
        return try row?.int("next_value") ?? first
    }

    // MARK: Timers

    /// Schedules `kind` to run at sandbox time `at` for this tenant.
    public func schedule(
        _ kind: String, at: Int64, payload: JSONValue = .object([:]),
        resourceType: String? = nil, resourceId: Int? = nil, jobId: Int? = nil
    ) throws {
        try connection.run(
            "INSERT INTO timers (tenant_id, due_at, kind, payload, job_id, resource_type, resource_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tenant.id, at, kind, JSONWriter.string(payload), jobId, resourceType, resourceId)
    }

    /// Removes pending timers of a resource (all kinds, or only `kinds`).
    public func cancelTimers(resourceType: String, resourceId: Int, kinds: [String]? = nil) throws {
        if let kinds {
            for kind in kinds {
                try connection.run(
                    "DELETE FROM timers WHERE tenant_id = ? AND resource_type = ? AND resource_id = ? AND kind = ?",
                    tenant.id, resourceType, resourceId, kind)
            }
        } else {
            try connection.run(
                "DELETE FROM timers WHERE tenant_id = ? AND resource_type = ? AND resource_id = ?",
                tenant.id, resourceType, resourceId)
        }
    }

    /// All of the tenant's timers, the next due first.
    public func pendingTimers() throws -> [DueTimer] {
        try connection.query("SELECT * FROM timers WHERE tenant_id = ? ORDER BY due_at, id", [tenant.id])
            .map(DueTimer.init(row:))
    }

    public func pendingTimers(resourceType: String, resourceId: Int) throws -> [DueTimer] {
        try connection.query(
            "SELECT * FROM timers WHERE tenant_id = ? AND resource_type = ? AND resource_id = ? ORDER BY due_at, id",
            [tenant.id, resourceType, resourceId]
        ).map(DueTimer.init(row:))
    }

    // MARK: Events

    /// Records a state change of a resource, for the event stream.
    public func recordTransition(
        resourceType: String, resourceId: Int, from: String?, to: String, jobId: Int? = nil
    ) throws {
        guard from != to else { return }
        try connection.run(
            "INSERT INTO events (tenant_id, resource_type, resource_id, from_state, to_state, at, job_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tenant.id, resourceType, resourceId, from, to, now, jobId)
        recordedEvents = true
    }

    // MARK: Persistence of the tenant row

    var tenantWithRandom: Tenant {
        var copy = tenant
        copy.randomState = random.state
        return copy
    }

    func saveRandomState() throws {
        guard random.state != tenant.randomState else { return }
        tenant = tenantWithRandom
        try TenantTable.save(tenant, in: connection)
    }

    func replaceTenant(_ updated: Tenant) throws {
        tenant = updated
        random = SeededRandom(state: updated.randomState)
        try TenantTable.save(updated, in: connection)
    }
}
