import SQLiteStore
import StructuredData

/// Inserts one snapshot table's rows (JSON objects), naming the row and column of the first
/// that does not fit. Consecutive rows with the same columns (all of an export's) share one
/// statement text, built once.
struct SnapshotTableWriter {
    let table: String
    let columns: [String]
    /// Replaces each row's `tenant_id` when given.
    let tenantId: Int?
    /// Keeps the statement in the connection's cache: for a scratch connection, not the
    /// shared one, where column lists that vary row by row would crowd it.
    let cached: Bool
    let connection: Connection
    private var names: [String] = []
    private var sql = ""
    private var index = 0

    init(table: String, known: [String: [String]], tenantId: Int?, cached: Bool, connection: Connection) throws {
        self.table = table
        columns = try SnapshotDocument.columns(of: table, known: known)
        self.tenantId = tenantId
        self.cached = cached
        self.connection = connection
    }

    mutating func insert(_ row: JSONObject) throws {
        defer { index += 1 }
        var names: [String] = []
        var values: [SQLValue] = []
        names.reserveCapacity(row.entries.count + 1)
        values.reserveCapacity(row.entries.count + 1)
        for entry in row.entries {
            guard columns.contains(entry.key) else {
                throw DomainError.invalid("tables", "tables.\(table)[\(index)].\(entry.key) is not a column of \(table)")
            }
            names.append(entry.key)
            if entry.key == "tenant_id", let tenantId {
                values.append(.integer(Int64(tenantId)))
            } else {
                values.append(try Snapshot.decode(entry.value, table: table, column: entry.key))
            }
        }
        if let tenantId, !names.contains("tenant_id") {
            names.append("tenant_id")
            values.append(.integer(Int64(tenantId)))
        }
        if names != self.names {
            self.names = names
            sql = "INSERT INTO \"\(table)\" (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
        }
        do {
            if cached { try connection.query(sql, values) } else { try connection.queryUncached(sql, values) }
        } catch let error as SQLiteError {
            throw DomainError.invalid("tables", "tables.\(table)[\(index)] cannot be stored: \(error.message)")
        }
    }
}
