import SQLiteStore
import StructuredData

/// One JSON document holding a tenant's whole world (or every tenant's): the tenant rows
/// with their clocks, the global ID sequences, and every row of every table that has a
/// `tenant_id` column. Generic over the schema, so a new model table is exported without
/// code here; the list of applied migrations pins the schema the rows belong to.
public enum Snapshot {
    public static let format = "hosting-sandbox-snapshot"
    public static let version: Int64 = 1

    static func notJSON(_ error: JSONParser.SyntaxError) -> DomainError {
        DomainError.invalid("body", "the snapshot must be a JSON document (\(error))")
    }

    /// Tables that belong to tenants, in name order (`tenants` itself is described apart).
    static func tenantTables(_ connection: Connection) throws -> [(name: String, columns: [String])] {
        try connection.tableNames().compactMap { name in
            let columns = try connection.columnNames(of: name)
            return columns.contains("tenant_id") ? (name, columns) : nil
        }
    }

    static func migrations(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT name FROM schema_migrations ORDER BY rowid").map { try $0.string("name") }
    }

    static func describe(_ tenant: Tenant, real: Int64) -> JSONValue {
        [
            "id": .int(tenant.id), "token": .string(tenant.token),
            "balanceCents": .int(tenant.balanceCents),
            "permissions": .array(tenant.permissions.map { .string($0) }),
            "clock": [
                "mode": .string(tenant.clock.mode.rawValue), "scale": .double(tenant.clock.scale),
                "now": .string(Timestamp.iso8601(tenant.clock.now(real: real))),
                "nowMillis": .int(tenant.clock.now(real: real)),
            ],
            "randomState": .int(Int64(bitPattern: tenant.randomState)),
        ]
    }

    /// A row as a JSON object, without the helper column `skipping`.
    static func encode(_ row: Row, skipping: String? = nil) -> JSONValue {
        .object(JSONObject(zip(row.columns, row.values).filter { $0.0 != skipping }.map { ($0, encode($1)) }))
    }

    static func encode(_ value: SQLValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .int(number)
        case .real(let number): return .double(number)
        case .text(let text): return .string(text)
        case .blob(let bytes): return ["hex": .string(bytes.map { String($0, radix: 16).zeroPadded(to: 2) }.joined())]
        }
    }

    static func decode(_ value: JSONValue, table: String, column: String) throws -> SQLValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .integer(flag ? 1 : 0)
        case .int(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .object(let object):
            if let hex = object["hex"]?.stringValue, let bytes = bytes(hex: hex) { return .blob(bytes) }
        case .array: break
        }
        throw DomainError.invalid("tables", "tables.\(table)[].\(column) must be null, a number, a string or {\"hex\": ...}")
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
