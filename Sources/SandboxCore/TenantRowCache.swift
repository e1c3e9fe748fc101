import SQLiteStore

/// Tenants as read at the start of recent transactions, by token, valid while the connection
/// has changed no row since (`Connection.totalChanges`, which no rollback lowers, so a row
/// that a rolled-back transaction touched is never served from here). Reading and decoding
/// the row was an eighth of a request's instructions, and most requests write nothing.
/// Touched only on the database queue, so it needs no lock.
final class TenantRowCache: @unchecked Sendable {
    /// Past this many tokens the cache starts afresh rather than growing with open-mode tenants.
    static let capacity = 4096
    private var tenants: [String: Tenant] = [:]
    private var changesSeen: Int64 = -1

    func tenant(token: String, in connection: Connection) -> Tenant? {
        guard connection.totalChanges == changesSeen else { return nil }
        return tenants[token]
    }

    /// `tenant` was just read, before its transaction changed anything.
    func remember(_ tenant: Tenant, in connection: Connection) {
        let changes = connection.totalChanges
        if changes != changesSeen || tenants.count >= Self.capacity {
            tenants.removeAll(keepingCapacity: true)
            changesSeen = changes
        }
        tenants[tenant.token] = tenant
    }
}
