import SQLiteStore
import StructuredData

/// Snapshot export and import (see `Snapshot`). An import is one transaction: the target's
/// rows are deleted, the document's inserted, references checked before commit; any
/// refusal rolls everything back.
extension SandboxRuntime {
    /// Replaces the world of `token`'s tenant with the document's single tenant.
    public func importState(token: String?, document: JSONValue) throws {
        let parsed = try SnapshotDocument(document).broughtForward(through: migrations)
        guard parsed.tenants.count == 1, let source = parsed.tenants.first else {
            throw DomainError.invalid(
                "tenants", "tenants must hold exactly one tenant to import into a token; use ?all=true for a full snapshot")
        }
        try perform(token: token) { context in
            let connection = context.connection
            try connection.execute("PRAGMA defer_foreign_keys = ON")
            for table in try Snapshot.tenantTables(connection) {
                try connection.run("DELETE FROM \"\(table.name)\" WHERE tenant_id = ?", context.tenantId)
            }
            try parsed.insertRows(tenantId: context.tenantId, in: connection)
            try parsed.mergeSequences(in: connection)
            var tenant = context.tenantWithRandom
            source.apply(to: &tenant, real: realTimeMillis())
            try context.replaceTenant(tenant)
            try SnapshotDocument.checkReferences(connection)
        }
    }

    /// Replaces every tenant with the document's tenants (IDs and tokens as in the document).
    public func importAllState(document: JSONValue) throws {
        let parsed = try SnapshotDocument(document).broughtForward(through: migrations)
        try performForAll { connection in
            try connection.execute("PRAGMA defer_foreign_keys = ON")
            try connection.run("DELETE FROM tenants")
            try connection.run("DELETE FROM sequences")
            let real = realTimeMillis()
            for source in parsed.tenants {
                guard let id = source.id, let token = source.token else {
                    throw DomainError.invalid("tenants", "tenants[] need an id and a token in a full snapshot")
                }
                do {
                    try connection.run(
                        """
                        INSERT INTO tenants (id, token, balance_cents, permissions, clock_mode, clock_scale,
                            clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
                        VALUES (?, ?, 0, '[]', 'manual', 1, 0, ?, 0, ?)
                        """, id, token, real, real)
                } catch let error as SQLiteError {
                    throw DomainError.invalid("tenants", "tenant \(id) (\(token)) cannot be stored: \(error.message)")
                }
                var tenant = try TenantTable.find(id: id, in: connection)!
                source.apply(to: &tenant, real: real)
                try TenantTable.save(tenant, in: connection)
            }
            try parsed.insertRows(tenantId: nil, in: connection)
            try parsed.mergeSequences(in: connection)
            try SnapshotDocument.checkReferences(connection)
        }
        try reloadClocks()
    }
}

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

    init(_ document: JSONValue) throws {
        guard let root = document.objectValue else { throw DomainError.invalid("body", "the snapshot must be a JSON object") }
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
        guard let tableObject = root["tables"]?.objectValue else {
            throw DomainError.invalid("tables", "tables must be an object of table name: array of rows")
        }
        tables = try tableObject.entries.map { entry in
            guard let rows = entry.value.arrayValue, rows.allSatisfy({ $0.objectValue != nil }) else {
                throw DomainError.invalid("tables", "tables.\(entry.key) must be an array of row objects")
            }
            return (entry.key, rows.compactMap(\.objectValue))
        }
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
        let known = Dictionary(uniqueKeysWithValues: try Snapshot.tenantTables(connection).map { ($0.name, $0.columns) })
        for table in tables {
            guard let columns = known[table.name] else {
                throw DomainError.invalid("tables", "tables.\(table.name) is not a tenant table of this sandbox")
            }
            for (index, row) in table.rows.enumerated() {
                var names: [String] = []
                var values: [SQLValue] = []
                for entry in row.entries {
                    guard columns.contains(entry.key) else {
                        throw DomainError.invalid("tables", "tables.\(table.name)[\(index)].\(entry.key) is not a column of \(table.name)")
                    }
                    names.append(entry.key)
                    if entry.key == "tenant_id", let tenantId {
                        values.append(.integer(Int64(tenantId)))
                    } else {
                        values.append(try Snapshot.decode(entry.value, table: table.name, column: entry.key))
                    }
                }
                if let tenantId, !names.contains("tenant_id") {
                    names.append("tenant_id")
                    values.append(.integer(Int64(tenantId)))
                }
                let sql = "INSERT INTO \"\(table.name)\" (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
                do {
                    // Column lists vary row by row: not worth a place in the statement cache.
                    try connection.queryUncached(sql, values)
                } catch let error as SQLiteError {
                    throw DomainError.invalid("tables", "tables.\(table.name)[\(index)] cannot be stored: \(error.message)")
                }
            }
        }
    }

    /// Sequences only move forward, so imported IDs are never handed out again.
    func mergeSequences(in connection: Connection) throws {
        for sequence in sequences {
            try connection.run(
                """
                INSERT INTO sequences (name, next_value) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET next_value = MAX(next_value, excluded.next_value)
                """, sequence.name, sequence.next)
        }
    }

    /// Foreign keys are deferred during an import; this names the first broken reference.
    static func checkReferences(_ connection: Connection) throws {
        let violations = try connection.query("PRAGMA foreign_key_check")
        guard let first = violations.first else { return }
        let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
        throw DomainError.invalid(
            "tables",
            "broken reference: a row of \(try first.string("table")) (rowid \(try first.int("rowid"))) refers to a missing row of \(try first.string("parent"))\(more)")
    }
}
