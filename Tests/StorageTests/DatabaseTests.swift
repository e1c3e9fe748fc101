import Foundation
import SQLiteStore
import Testing

@Suite struct DatabaseTests {
    func makeDatabase() throws -> Database { try Database(path: ":memory:") }

    @Test func writeCommitsAndReadsBack() throws {
        let database = try makeDatabase()
        try database.write { connection in
            try connection.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, data BLOB)")
            try connection.run("INSERT INTO items (name, price, data) VALUES (?, ?, ?)", "disk", 1.5, SQLValue.blob([1, 2, 3]))
        }
        let row = try database.read { try $0.first("SELECT * FROM items") }
        #expect(try row?.string("name") == "disk")
        #expect(try row?.double("price") == 1.5)
        #expect(try row?.value("data") == .blob([1, 2, 3]))
        #expect(throws: StorageError.self) { try row?.optionalString("missing") }
    }

    @Test func aThrowingWriteChangesNothing() throws {
        struct Refusal: Error {}
        let database = try makeDatabase()
        try database.write { try $0.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)") }
        #expect(throws: Refusal.self) {
            try database.write { connection in
                try connection.run("INSERT INTO items (name) VALUES (?)", "half-applied")
                throw Refusal()
            }
        }
        let count = try database.read { try $0.first("SELECT COUNT(*) AS n FROM items")?.int("n") }
        #expect(count == 0)
    }

    @Test func errorsNameTheStatement() throws {
        let database = try makeDatabase()
        do {
            _ = try database.read { try $0.query("SELECT * FROM nowhere") }
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.description.contains("nowhere"))
            #expect(error.sql == "SELECT * FROM nowhere")
        }
    }

    @Test func textWithNULCharactersIsStoredWhole() throws {
        let database = try makeDatabase()
        let text = "abcd\u{0}tail ✓"
        let stored = try database.write { connection -> String? in
            try connection.execute("CREATE TABLE notes (body TEXT)")
            try connection.run("INSERT INTO notes VALUES (?)", text)
            return try connection.first("SELECT body FROM notes")?.string("body")
        }
        #expect(stored == text)
    }

    @Test func hugeRealsReadAsIntegersThrowInsteadOfTrapping() throws {
        let database = try makeDatabase()
        let row = try database.read { try $0.first("SELECT 1e300 AS big, -2.9 AS negative") }
        #expect(throws: StorageError.self) { try row?.int64("big") }
        #expect(try row?.int64("negative") == -2)
    }

    @Test func migrationsApplyOnceInOrder() throws {
        let database = try makeDatabase()
        let migrations = [
            Migration("test.001-create", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
            Migration("test.002-column", "ALTER TABLE notes ADD COLUMN author TEXT"),
        ]
        let first = try database.write { try Migrator.migrate($0, migrations) }
        let second = try database.write { try Migrator.migrate($0, migrations) }
        #expect(first == ["test.001-create", "test.002-column"])
        #expect(second.isEmpty)
        let columns = try database.read { try $0.columnNames(of: "notes") }
        #expect(columns == ["id", "body", "author"])
    }

    @Test func foreignKeysAreEnforced() throws {
        let database = try makeDatabase()
        try database.write { connection in
            try connection.execute(
                """
                CREATE TABLE parents (id INTEGER PRIMARY KEY);
                CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents(id) ON DELETE CASCADE);
                INSERT INTO parents (id) VALUES (1);
                INSERT INTO children (parent_id) VALUES (1);
                """)
        }
        #expect(throws: SQLiteError.self) { try database.write { try $0.run("INSERT INTO children (parent_id) VALUES (2)") } }
        try database.write { try $0.run("DELETE FROM parents") }
        #expect(try database.read { try $0.first("SELECT COUNT(*) AS n FROM children")?.int("n") } == 0)
    }

    @Test func stateSurvivesReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try Database(path: path)
        try first.write { connection in
            try connection.execute("CREATE TABLE kept (value TEXT)")
            try connection.run("INSERT INTO kept VALUES (?)", "still here")
        }
        first.close()
        let second = try Database(path: path)
        #expect(try second.read { try $0.first("SELECT value FROM kept")?.string("value") } == "still here")
        second.close()
    }

    @Test func aSecondOpenOfTheSameFileIsRefusedClearly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try Database(path: path)
        try first.write { try $0.execute("CREATE TABLE kept (value TEXT)") }
        // do/catch rather than the error #expect(throws:) returns: that needs Swift 6.1.
        do {
            _ = try Database(path: path, busyTimeout: 0)
            Issue.record("a second open of the same file succeeded")
        } catch {
            #expect((error as? SQLiteError)?.message.contains("in use by another process") == true)
        }
        first.close()
        let reopened = try Database(path: path, busyTimeout: 0)
        #expect(try reopened.read { try $0.query("SELECT * FROM kept") }.isEmpty)
        reopened.close()
    }

    @Test func concurrentWritersAreSerialised() throws {
        let database = try makeDatabase()
        try database.write { try $0.execute("CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0)") }
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            _ = try? database.write { try $0.run("UPDATE counter SET n = n + 1") }
        }
        #expect(try database.read { try $0.first("SELECT n FROM counter")?.int("n") } == 200)
    }
}
