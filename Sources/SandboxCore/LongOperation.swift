import SQLiteStore

/// The intent of a long operation: the one recovery mechanism for work that runs as several
/// transactions so that other tenants' requests run between them (a reset, `reset?all=true`,
/// a tenant's import, the idle sweep, a prune cut short, a clock advance). SQLite makes each
/// transaction all or nothing; an intent makes the whole operation so, one level up, the way
/// SQLite's own journal does: it is written in the same transaction as the operation's first
/// change and deleted in the same transaction as its last, so a crash anywhere between leaves
/// it behind, and the next start finishes the operation from it before any request is served
/// (SandboxRuntime+Recovery.swift). Every kind is finished, never undone: after its first
/// slice the rows that undoing would need are gone, and what remains to do is idempotent.
struct LongOperation: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable {
        /// A tenant's rows deleted slice by slice (a reset, the idle sweep); subject: its id.
        case eraseTenant = "erase-tenant"
        /// Every tenant deleted and the ID sequences restarted (`reset?all=true`).
        case resetAll = "reset-all"
        /// A tenant's world replaced by the snapshot staged in the file `staging`.
        case importTenant = "import-tenant"
        /// The work that fell due while a tenant's clock moved, applied in slices.
        case advanceClock = "advance-clock"
        /// A tenant's history older than the retention, deleted over several transactions.
        case pruneHistory = "prune-history"
    }

    let kind: Kind
    /// The tenant's id (0 for `resetAll`).
    let subject: Int
    /// The tenant's label (`TenantLabel`), for the start-up log.
    var label = ""
    var staging: String?

    var description: String {
        let tenant = label.isEmpty ? "" : " of tenant \(label)"
        switch kind {
        case .eraseTenant: return "the reset (or idle removal)\(tenant)"
        case .resetAll: return "the reset of every tenant"
        case .importTenant: return "the snapshot import\(tenant)"
        case .advanceClock: return "the clock advance\(tenant)"
        case .pruneHistory: return "the history pruning\(tenant)"
        }
    }

    /// Records the intent; beginning an operation already recorded changes nothing, so a
    /// resumed operation runs the very code that began it.
    func begin(in connection: Connection) throws {
        try connection.run(
            """
            INSERT OR IGNORE INTO long_operations (kind, subject, label, staging, started_at) VALUES (?, ?, ?, ?, ?)
            """, kind.rawValue, subject, label, staging, realTimeMillis())
    }

    func end(in connection: Connection) throws {
        try connection.run("DELETE FROM long_operations WHERE kind = ? AND subject = ?", kind.rawValue, subject)
    }

    /// The operations a crash interrupted, in the order they began.
    static func pending(in connection: Connection) throws -> [LongOperation] {
        try connection.query("SELECT kind, subject, label, staging FROM long_operations ORDER BY id").map { row in
            guard let kind = Kind(rawValue: try row.string("kind")) else {
                throw DomainError.conflict("unknown long operation \(try row.string("kind")) (written by a newer sandbox?)")
            }
            return LongOperation(
                kind: kind, subject: try row.int("subject"), label: try row.string("label"),
                staging: try row.optionalString("staging"))
        }
    }
}
