/// An SQLite failure with its result code, SQLite's message and the statement that failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        sql.map { "SQLite error \(code): \(message) (in: \($0))" } ?? "SQLite error \(code): \(message)"
    }

    /// SQLITE_CONSTRAINT and its extended codes.
    public var isConstraintViolation: Bool { code & 0xFF == 19 }
}
