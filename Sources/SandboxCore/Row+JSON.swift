import SQLiteStore
import StructuredData

extension Row {
    /// A column holding JSON text; text that does not parse throws, naming table and column.
    public func json(_ column: String) throws -> JSONValue { try json(column, text: string(column)) }

    /// Like `json`, with NULL read as nil.
    public func optionalJSON(_ column: String) throws -> JSONValue? {
        try optionalString(column).map { try json(column, text: $0) }
    }

    private func json(_ column: String, text: String) throws -> JSONValue {
        do { return try StoredJSON.parse(text) } catch { throw unreadable(column, as: "JSON", value: .text(text)) }
    }
}
