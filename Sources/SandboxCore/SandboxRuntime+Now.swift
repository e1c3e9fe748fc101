import SQLiteStore

extension SandboxRuntime {
    /// The sandbox time of `token`'s tenant from the clocks kept in memory, without creating
    /// the tenant or applying due work (so it may be called on the event loop); nil when the
    /// token has no tenant.
    public func sandboxTime(token: String?) -> Int64? {
        guard let token else { return nil }
        return clocks.clock(of: token)?.now(real: realTimeMillis())
    }

    /// Reads every tenant's clock into memory: at start and after whole-database changes.
    func reloadClocks() throws {
        clocks.replaceAll(with: try database.read { connection in try TenantTable.all(in: connection) })
    }
}
