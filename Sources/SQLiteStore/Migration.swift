/// A named, append-only schema step. Applied once, in order, and recorded in `schema_migrations`.
public struct Migration: Sendable {
    public let name: String
    public let sql: String
    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }
}

public enum Migrator {
    /// Applies the migrations not yet recorded, each in the caller's transaction.
    /// Returns the names applied now.
    @discardableResult
    public static func migrate(_ connection: Connection, _ migrations: [Migration]) throws -> [String] {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        let applied = Set(try connection.query("SELECT name FROM schema_migrations").map { try $0.string("name") })
        var names: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try connection.execute(migration.sql)
            try connection.run("INSERT INTO schema_migrations (name) VALUES (?)", migration.name)
            names.append(migration.name)
        }
        return names
    }
}
