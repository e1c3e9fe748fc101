/// Tenants with a long operation under way (a clock advance, a catch-up of due work) and
/// the work that waits for it to end. A tenant's own requests never see a long operation
/// half done: they wait in its lane, while other tenants' requests run between the
/// operation's transactions. Touched only on the database queue, so it needs no lock.
final class TenantLanes: @unchecked Sendable {
    private var waiting: [String: [@Sendable () -> Void]] = [:]

    func isOccupied(_ token: String) -> Bool { waiting[token] != nil }

    func waiting(_ token: String) -> Int { waiting[token]?.count ?? 0 }

    func occupy(_ token: String) {
        precondition(waiting[token] == nil, "lane of a tenant occupied twice")
        waiting[token] = []
    }

    /// Queues `work` behind the long operation of `token`'s tenant.
    func park(_ token: String, _ work: @escaping @Sendable () -> Void) {
        waiting[token, default: []].append(work)
    }

    /// Ends the long operation; returns the work that waited for it, oldest first.
    func release(_ token: String) -> [@Sendable () -> Void] {
        waiting.removeValue(forKey: token) ?? []
    }
}
