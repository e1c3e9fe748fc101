/// One result row; columns by name. Reading a missing column or a NULL as non-optional
/// yields the type's zero value, because the schema (not the caller) guarantees presence.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public subscript(column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public func int(_ column: String) -> Int { Int(int64(column)) }

    public func int64(_ column: String) -> Int64 {
        switch self[column] {
        case .integer(let value): return value
        case .real(let value): return Int64(exactly: value.rounded(.towardZero)) ?? 0
        case .text(let value): return Int64(value) ?? 0
        default: return 0
        }
    }

    public func optionalInt(_ column: String) -> Int? {
        self[column] == .null ? nil : int(column)
    }

    public func double(_ column: String) -> Double {
        switch self[column] {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .text(let value): return Double(value) ?? 0
        default: return 0
        }
    }

    public func string(_ column: String) -> String { optionalString(column) ?? "" }

    public func optionalString(_ column: String) -> String? {
        switch self[column] {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public func bool(_ column: String) -> Bool { int64(column) != 0 }
}
