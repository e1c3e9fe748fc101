import Foundation
import SQLiteStore

/// Removes open-mode tenants that made no request for the idle time (real time), with all
/// their rows. Kept however idle: tenants of
/// `seed-data/tokens.json` and tenants created or updated through `POST /_sandbox/tenants`
/// (both `pinned`). A request is noted at most once a minute per tenant, so reads stay reads.
public final class TenantSweep: @unchecked Sendable {
    /// Real milliseconds without a request after which a tenant goes; 0 keeps every tenant.
    let idle: Int64
    /// Tenants removed per transaction, so requests interleave with a long sweep.
    static let slice = 50
    /// A request moves the recorded time only when it is this much newer (real ms).
    static let notedEvery: Int64 = 60_000

    private let lock = NSLock()
    private var wallClock: @Sendable () -> Int64 = realTimeMillis
    private var lastSweep: Int64?

    init(days: Double) {
        idle = days > 0 ? max(1, Int64((days * 86_400_000).rounded())) : 0
    }

    /// Real time as the sweep sees it; tests replace the source instead of waiting.
    public var now: Int64 { lock.withLock { wallClock }() }

    public func useWallClock(_ clock: @escaping @Sendable () -> Int64) {
        lock.withLock { wallClock = clock }
    }

    func noteRequest(of tenant: Tenant, in connection: Connection) throws {
        let now = self.now
        if let last = tenant.lastRequestAt, last <= now, now - last < Self.notedEvery { return }
        try connection.run("UPDATE tenants SET last_request_at = ? WHERE id = ?", now, tenant.id)
    }

    static func pin(tenantId: Int, in connection: Connection) throws {
        try connection.run("UPDATE tenants SET pinned = 1 WHERE id = ? AND pinned = 0", tenantId)
    }

    /// Whether a background sweep is due: every tenth of the idle time, at most once a minute.
    fileprivate func sweepDue(at now: Int64) -> Bool {
        guard idle > 0 else { return false }
        return lock.withLock {
            if let lastSweep, now >= lastSweep, now - lastSweep < min(idle / 10, Self.notedEvery) { return false }
            lastSweep = now
            return true
        }
    }
}

extension SandboxRuntime {
    /// Removes the idle open-mode tenants now, `TenantSweep.slice` candidates at a time; returns
    /// how many went. Each goes in its lane and in slices, like a reset (`eraseTenant`), and only
    /// if it is still idle then. A tenant never noticed (from before this column, or imported)
    /// counts as seen now. A seeded token's tenant found idle is pinned instead.
    @discardableResult
    public func removeIdleTenants() throws -> Int {
        guard tenantSweep.idle > 0 else { return 0 }
        let now = tenantSweep.now
        let cutoff = now - tenantSweep.idle
        let seeded = Set(configuration.knownTokens.map(\.token))
        var removed = 0
        var passed = Set<String>()
        while true {
            let (candidates, full) = try database.write { connection -> ([String], Bool) in
                try connection.run("UPDATE tenants SET last_request_at = ? WHERE last_request_at IS NULL", now)
                let idle = try connection.query(
                    "SELECT id, token FROM tenants WHERE last_request_at < ? AND pinned = 0 ORDER BY last_request_at LIMIT ?",
                    [cutoff, TenantSweep.slice])
                var candidates: [String] = []
                for tenant in idle {
                    let token = try tenant.string("token")
                    if seeded.contains(token) {
                        try TenantSweep.pin(tenantId: tenant.int("id"), in: connection)
                    } else {
                        candidates.append(token)
                    }
                }
                return (candidates, idle.count == TenantSweep.slice)
            }
            let fresh = candidates.filter { passed.insert($0).inserted }
            for token in fresh {
                try exclusively(token: token) {
                    // Still idle? A request may have come while the tenant waited for its lane.
                    let (id, tables) = try database.read { connection in
                        (
                            try connection.first(
                                "SELECT id FROM tenants WHERE token = ? AND pinned = 0 AND last_request_at < ?", token, cutoff
                            )?.int("id"), try TableOrder.childrenFirst(connection)
                        )
                    }
                    guard let id else { return }
                    try eraseTenant(id: id, tables: tables)
                    clocks.forget(token)
                    removed += 1
                }
            }
            // A slice of tenants already looked at means nothing more will go.
            if !full || !candidates.isEmpty && fresh.isEmpty { return removed }
        }
    }

    /// The background ticker's share: a sweep when one is due, errors left for the next.
    func removeIdleTenantsWhenDue() {
        guard tenantSweep.sweepDue(at: tenantSweep.now) else { return }
        _ = try? removeIdleTenants()
    }
}
