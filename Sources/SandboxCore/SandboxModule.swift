import SQLiteStore

/// One emulated API's model, as the runtime sees it: its tables and what it schedules.
public protocol SandboxModule: Sendable {
    /// Named, append-only; prefix names with the module (`reseller.001-...`).
    var migrations: [Migration] { get }
    func register(in scheduler: Scheduler)
    /// The tenant's resources, for the dashboard (a plain read inside the context's transaction).
    func inventory(in context: TenantContext) throws -> [InventoryItem]
}
