import SQLiteStore

/// One emulated API's model, as the runtime sees it: its tables and what it schedules.
public protocol SandboxModule: Sendable {
    /// Named, append-only; prefix names with the module (`reseller.001-...`).
    var migrations: [Migration] { get }
    /// Columns of its tables that hold a job id the model reads later: retention keeps
    /// those jobs for as long as the row exists, however old they are.
    var jobReferences: [JobReference] { get }
    func register(in scheduler: Scheduler)
    /// The tenant's resources, for the dashboard (a plain read inside the context's transaction).
    func inventory(in context: TenantContext) throws -> [InventoryItem]
}

extension SandboxModule {
    public var jobReferences: [JobReference] { [] }
}

/// A table column holding ids of `jobs` rows (with a `tenant_id` column beside it).
public struct JobReference: Sendable {
    public let table: String
    public let column: String

    public init(table: String, column: String) {
        self.table = table
        self.column = column
    }
}
