import SQLiteStore

extension SandboxRuntime {
    /// The sandbox time of `token`'s tenant, without creating the tenant or applying due
    /// work; nil when the token has no tenant yet. Must not be called on the database queue.
    public func sandboxTime(token: String?) -> Int64? {
        guard let token else { return nil }
        let real = realTimeMillis()
        return try? database.read { connection in
            try TenantTable.find(token: token, in: connection)?.clock.now(real: real)
        }
    }
}
