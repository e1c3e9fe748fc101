import Foundation

/// Every tenant's clock by token, kept in memory beside the table, so that answers given
/// without a transaction (404, 405, injected faults) can be stamped with the tenant's time
/// on the event loop, which never reads SQLite. Updated after each commit that may have
/// changed a clock.
final class TenantClocks: @unchecked Sendable {
    private let lock = NSLock()
    private var clocks: [String: SandboxClock] = [:]

    func clock(of token: String) -> SandboxClock? {
        lock.lock()
        defer { lock.unlock() }
        return clocks[token]
    }

    func remember(_ token: String, _ clock: SandboxClock) {
        lock.lock()
        defer { lock.unlock() }
        if clocks[token] != clock { clocks[token] = clock }
    }

    func forget(_ token: String) {
        lock.lock()
        defer { lock.unlock() }
        clocks[token] = nil
    }

    func replaceAll(with tenants: [Tenant]) {
        lock.lock()
        defer { lock.unlock() }
        clocks = Dictionary(tenants.map { ($0.token, $0.clock) }, uniquingKeysWith: { $1 })
    }
}
