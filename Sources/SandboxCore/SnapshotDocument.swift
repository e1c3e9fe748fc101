import SQLiteStore
import StructuredData

/// A snapshot document, checked field by field before anything is written.
struct SnapshotDocument {
    struct TenantState {
        let id: Int?
        let token: String?
        let balanceCents: Int64
        let permissions: [String]
        let mode: SandboxClock.Mode
        let scale: Double
        let now: Int64
        let randomState: UInt64

        func apply(to tenant: inout Tenant, real: Int64) {
            tenant.balanceCents = balanceCents
            tenant.permissions = permissions
            tenant.clock = SandboxClock(mode: mode, scale: scale, anchorSandbox: now, anchorReal: real)
            tenant.randomState = randomState
        }
    }

    var migrations: [String]
    let tenants: [TenantState]
    var sequences: [(name: String, next: Int64)]
    var tables: [(name: String, rows: [JSONObject])]

    /// The members before `tables`: when a streamed document has them all before its rows,
    /// they are checked (`init(head:)`) before the first row is read.
    static let headKeys = ["format", "version", "migrations", "tenants", "sequences"]

    init(_ document: JSONValue) throws {
        guard let root = document.objectValue else { throw DomainError.invalid("body", "the snapshot must be a JSON object") }
        try self.init(head: root)
        guard let tableObject = root["tables"]?.objectValue else { throw Self.notTables }
        tables = try tableObject.entries.map { entry in
            guard let rows = entry.value.arrayValue, rows.allSatisfy({ $0.objectValue != nil }) else {
                throw Self.notRows(entry.key)
            }
            return (entry.key, rows.compactMap(\.objectValue))
        }
    }

    static let notTables = DomainError.invalid("tables", "tables must be an object of table name: array of rows")

    static func notRows(_ table: String) -> DomainError {
        DomainError.invalid("tables", "tables.\(table) must be an array of row objects")
    }

    /// Everything but the rows (`tables` is left empty).
    init(head root: JSONObject) throws {
        guard root["format"]?.stringValue == Snapshot.format else {
            throw DomainError.invalid("format", "format must be \"\(Snapshot.format)\" (export one with GET /_sandbox/state)")
        }
        guard let version = root["version"]?.intValue, version >= 1 else {
            throw DomainError.invalid("version", "version must be a snapshot format version (1 to \(Snapshot.version))")
        }
        guard version <= Snapshot.version else {
            throw DomainError.invalid(
                "version",
                "the snapshot was made by a newer sandbox version (snapshot format \(version); this sandbox reads up to \(Snapshot.version)): upgrade the sandbox to import it")
        }
        guard let names = root["migrations"]?.arrayValue, names.allSatisfy({ $0.stringValue != nil }) else {
            throw DomainError.invalid("migrations", "migrations must be an array of migration names")
        }
        migrations = names.compactMap(\.stringValue)
        guard let tenantList = root["tenants"]?.arrayValue else {
            throw DomainError.invalid("tenants", "tenants must be an array of tenant objects")
        }
        tenants = try tenantList.enumerated().map { try Self.tenant($1, index: $0) }
        guard let sequenceObject = (root["sequences"] ?? .object([:])).objectValue else {
            throw DomainError.invalid("sequences", "sequences must be an object of name: next value")
        }
        sequences = try sequenceObject.entries.map { entry in
            guard let next = entry.value.intValue else {
                throw DomainError.invalid("sequences", "sequences.\(entry.key) must be an integer")
            }
            return (entry.key, next)
        }
        tables = []
    }

    private static func tenant(_ value: JSONValue, index: Int) throws -> TenantState {
        let field = "tenants[\(index)]"
        guard let object = value.objectValue, let clock = object["clock"]?.objectValue else {
            throw DomainError.invalid("tenants", "\(field) must be an object with a clock")
        }
        guard let balance = object["balanceCents"]?.intValue, balance >= 0 else {
            throw DomainError.invalid("tenants", "\(field).balanceCents must be a non-negative integer")
        }
        guard let permissions = object["permissions"]?.arrayValue, permissions.allSatisfy({ $0.stringValue != nil }) else {
            throw DomainError.invalid("tenants", "\(field).permissions must be an array of strings")
        }
        guard let mode = clock["mode"]?.stringValue.flatMap(SandboxClock.Mode.init(rawValue:)),
            let scale = clock["scale"]?.doubleValue, scale > 0, scale <= 1_000_000
        else {
            throw DomainError.invalid("tenants", "\(field).clock needs mode (realtime or manual) and scale (> 0)")
        }
        guard let now = clock["nowMillis"]?.intValue ?? clock["now"]?.stringValue.flatMap(Timestamp.parseISO8601),
            SandboxClock.representable.contains(now)
        else {
            throw DomainError.invalid("tenants", "\(field).clock.now must be an ISO-8601 time between the years 1970 and 9999")
        }
        guard let random = object["randomState"]?.intValue else {
            throw DomainError.invalid("tenants", "\(field).randomState must be an integer")
        }
        let id = object["id"]?.intValue.map { Int($0) }
        let token = object["token"]?.stringValue
        if let id, id <= 0 { throw DomainError.invalid("tenants", "\(field).id must be a positive integer") }
        if let token, token.isEmpty { throw DomainError.invalid("tenants", "\(field).token must not be empty") }
        return TenantState(
            id: id, token: token, balanceCents: balance, permissions: permissions.compactMap(\.stringValue),
            mode: mode, scale: scale, now: now, randomState: UInt64(bitPattern: random))
    }

    /// Inserts every row; `tenantId` (when given) replaces each row's `tenant_id`.
    func insertRows(tenantId: Int?, in connection: Connection) throws {
        let known = try Self.knownTables(connection)
        for table in tables {
            try Self.insert(table, tenantId: tenantId, known: known, cached: false, in: connection)
        }
    }

    static func columns(of table: String, known: [String: [String]]) throws -> [String] {
        guard let columns = known[table] else {
            throw DomainError.invalid("tables", "tables.\(table) is not a tenant table of this sandbox")
        }
        return columns
    }

    static func knownTables(_ connection: Connection) throws -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: try Snapshot.tenantTables(connection).map { ($0.name, $0.columns) })
    }

    /// Inserts one table's rows (see `SnapshotTableWriter`).
    static func insert(
        _ table: (name: String, rows: [JSONObject]), tenantId: Int?, known: [String: [String]], cached: Bool,
        in connection: Connection
    ) throws {
        var writer = try SnapshotTableWriter(
            table: table.name, known: known, tenantId: tenantId, cached: cached, connection: connection)
        for row in table.rows { try writer.insert(row) }
    }

    /// Sequences only move forward, so imported IDs are never handed out again.
    func mergeSequences(in connection: Connection) throws {
        try Self.mergeSequences(sequences, in: connection)
    }

    static func mergeSequences(_ sequences: [(name: String, next: Int64)], in connection: Connection) throws {
        for sequence in sequences {
            try connection.run(
                """
                INSERT INTO sequences (name, next_value) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET next_value = MAX(next_value, excluded.next_value)
                """, sequence.name, sequence.next)
        }
    }

    /// Foreign keys are deferred during an import; this names the first broken reference,
    /// in `tables` only when given (each is scanned in full).
    static func checkReferences(_ connection: Connection, tables: [String]? = nil) throws {
        let violations = try tables.map { names in
            try names.flatMap { try connection.query("PRAGMA foreign_key_check(\"\($0)\")") }
        } ?? connection.query("PRAGMA foreign_key_check")
        guard let first = violations.first else { return }
        let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
        throw DomainError.invalid(
            "tables",
            "broken reference: a row of \(try first.string("table")) (rowid \(try first.int("rowid"))) refers to a missing row of \(try first.string("parent"))\(more)")
    }
}
