/// A stored row that cannot be read as the code asks: a missing column, a NULL where a value
/// must be, a value of the wrong type, or text that is none of an enum's values. The code
/// never writes such rows, so this is a fault (answered 500), never a silent default.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    public enum Problem: Sendable, Equatable {
        case missingColumn
        case null
        /// The value cannot be read as the named type (an integer, a number, text, ...).
        case unreadable(as: String)
    }

    public let problem: Problem
    /// The table the column comes from, when SQLite knows it (not for expressions).
    public let table: String?
    public let column: String
    public let value: SQLValue?
    public let sql: String

    public var description: String {
        let place = table.map { "\($0).\(column)" } ?? column
        let what: String
        switch problem {
        case .missingColumn: what = "no column \(column) in the result"
        case .null: what = "\(place) is NULL where a value must be"
        case .unreadable(let type): what = "\(place) holds \(value.map(Self.quoted) ?? "nothing"), which is not \(type)"
        }
        return "Stored data is inconsistent: \(what) (in: \(sql))"
    }

    private static func quoted(_ value: SQLValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): "'\(text.prefix(200))'"
        case .blob(let bytes): "a blob of \(bytes.count) bytes"
        }
    }
}
