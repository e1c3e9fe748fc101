import Foundation
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
        if let parsed = StoredJSON.parsed(text) { return parsed }
        do { return try StoredJSON.parse(text) } catch { throw unreadable(column, as: "JSON", value: .text(text)) }
    }
}

/// Recently read JSON column texts, parsed, by their text. Stored JSON is read far more often
/// than written (a job's output on every status poll, a server's reverse DNS in every list),
/// and parsing it again was most of reading such a row; looking the text up costs a hash.
/// Only short texts are kept, and the table starts afresh when full.
enum StoredJSON {
    static let longestKept = 512
    static let capacity = 2048
    private static let lock = NSLock()
    nonisolated(unsafe) private static var table: [String: JSONValue] = [:]

    static func parsed(_ text: String) -> JSONValue? {
        guard text.utf8.count <= longestKept else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return table[text]
    }

    static func parse(_ text: String) throws -> JSONValue {
        let value = try JSONParser.parse(text)
        guard text.utf8.count <= longestKept else { return value }
        lock.lock()
        defer { lock.unlock() }
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[text] = value
        return value
    }
}
