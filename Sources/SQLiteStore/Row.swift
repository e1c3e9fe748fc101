/// Column names and origins of one statement's result, read once and shared by its rows.
public final class RowLayout: Sendable {
    public let columns: [String]
    /// The table each column comes from (nil for expressions), for `StorageError`.
    let tables: [String?]
    let sql: String

    init(columns: [String], tables: [String?], sql: String) {
        self.columns = columns
        self.tables = tables
        self.sql = sql
    }

    /// Lengths compared first: a native string knows its length, and comparing the text of
    /// every column before the one asked for was most of the cost of reading a row.
    func index(of column: String) -> Int? {
        let length = column.utf8.count
        return columns.firstIndex { $0.utf8.count == length && $0 == column }
    }
}

/// One result row; columns by name. Reads are strict, GRDB-style: a missing column, a NULL
/// read as non-optional, or a value of the wrong type throws a `StorageError` naming the
/// table, column and value, instead of answering a zero value that would hide the fault.
public struct Row: Sendable {
    public let layout: RowLayout
    public let values: [SQLValue]

    public var columns: [String] { layout.columns }

    /// The raw value of `column`; throws if the result has no such column.
    public func value(_ column: String) throws -> SQLValue {
        guard let index = layout.index(of: column) else { throw failure(.missingColumn, column) }
        return values[index]
    }

    public func int(_ column: String) throws -> Int { Int(try int64(column)) }

    /// Integers as stored; reals truncated toward zero (SQL arithmetic may produce them);
    /// text only if it is an integer.
    public func int64(_ column: String) throws -> Int64 {
        let stored = try value(column)
        switch stored {
        case .integer(let number): return number
        case .real(let number): if let whole = Int64(exactly: number.rounded(.towardZero)) { return whole }
        case .text(let text): if let number = Int64(text) { return number }
        case .null: throw failure(.null, column)
        case .blob: break
        }
        throw failure(.unreadable(as: "an integer"), column, stored)
    }

    public func optionalInt(_ column: String) throws -> Int? {
        try value(column) == .null ? nil : try int(column)
    }

    public func double(_ column: String) throws -> Double {
        let stored = try value(column)
        switch stored {
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case .text(let text): if let number = Double(text) { return number }
        case .null: throw failure(.null, column)
        case .blob: break
        }
        throw failure(.unreadable(as: "a number"), column, stored)
    }

    public func string(_ column: String) throws -> String {
        guard let text = try optionalString(column) else { throw failure(.null, column) }
        return text
    }

    public func optionalString(_ column: String) throws -> String? {
        switch try value(column) {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public func bool(_ column: String) throws -> Bool { try int64(column) != 0 }

    /// A stored enum value; text that is none of `type`'s raw values throws.
    public func value<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        let text = try string(column)
        guard let value = T(rawValue: text) else {
            throw failure(.unreadable(as: "a \(String(reflecting: type))"), column, .text(text))
        }
        return value
    }

    /// The error for a stored `value` of `column` that a reader above this layer (JSON, say)
    /// cannot read as `type`.
    public func unreadable(_ column: String, as type: String, value: SQLValue) -> StorageError {
        failure(.unreadable(as: type), column, value)
    }

    private func failure(_ problem: StorageError.Problem, _ column: String, _ value: SQLValue? = nil) -> StorageError {
        let table = layout.index(of: column).flatMap { layout.tables[$0] }
        return StorageError(problem: problem, table: table, column: column, value: value, sql: layout.sql)
    }
}
