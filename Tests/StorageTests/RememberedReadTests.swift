import SQLiteStore
import Testing

/// `Connection.rememberedFirst` answers a row it read before only while nothing was written:
/// every write, and every rollback of one, is seen by the next read.
@Suite struct RememberedReadTests {
    static let select = "SELECT id, color FROM things WHERE id = ?"

    func database() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.write { connection in
            try connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, color TEXT)")
            try connection.run("INSERT INTO things (id, color) VALUES (1, 'red'), (2, 'blue')")
        }
        return database
    }

    func color(_ id: Int, in connection: Connection) throws -> String? {
        try connection.rememberedFirst(Self.select, id)?.string("color")
    }

    @Test func aWriteInAnotherTransactionIsSeen() throws {
        let database = try database()
        #expect(try database.write { try color(1, in: $0) } == "red")
        try database.write { try $0.run("UPDATE things SET color = 'green' WHERE id = 1") }
        #expect(try database.write { try color(1, in: $0) } == "green")
        // The other row too: any write forgets every remembered row.
        try database.write { try $0.run("UPDATE things SET color = 'black' WHERE id = 2") }
        #expect(try database.write { try color(2, in: $0) } == "black")
    }

    @Test func aWriteOfTheSameTransactionIsSeenAndItsRollbackToo() throws {
        let database = try database()
        #expect(try database.write { try color(1, in: $0) } == "red")
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try database.write { connection in
                #expect(try color(1, in: connection) == "red")
                try connection.run("UPDATE things SET color = 'green' WHERE id = 1")
                #expect(try color(1, in: connection) == "green")
                throw Abandon()
            }
        }
        // What was read after the write, and rolled back, was not kept.
        #expect(try database.write { try color(1, in: $0) } == "red")
    }

    @Test func aWriteThatChangesNoRowsStillCounts() throws {
        let database = try database()
        #expect(try database.write { try color(3, in: $0) } == nil)
        try database.write { try $0.execute("INSERT INTO things (id, color) VALUES (3, 'white')") }
        #expect(try database.write { try color(3, in: $0) } == "white")
        try database.write { try $0.run("DELETE FROM things WHERE id = 3") }
        #expect(try database.write { try color(3, in: $0) } == nil)
    }

    @Test func aWritingStatementIsNeverRemembered() throws {
        let database = try database()
        let returning = "UPDATE things SET color = color || '!' WHERE id = ? RETURNING color"
        let first = try database.write { try $0.rememberedFirst(returning, 1)?.string("color") }
        let second = try database.write { try $0.rememberedFirst(returning, 1)?.string("color") }
        #expect(first == "red!")
        #expect(second == "red!!")
    }

    @Test func rememberedIdsFollowInsertsAndDeletes() throws {
        let database = try database()
        let ids = "SELECT id FROM things WHERE id > ? ORDER BY id"
        #expect(try database.write { try $0.rememberedIntegers(ids, 0) } == [1, 2])
        try database.write { try $0.run("INSERT INTO things (id, color) VALUES (5, 'grey')") }
        #expect(try database.write { try $0.rememberedIntegers(ids, 0) } == [1, 2, 5])
        try database.write { try $0.run("DELETE FROM things WHERE id = 1") }
        #expect(try database.write { try $0.rememberedIntegers(ids, 0) } == [2, 5])
        // Another argument list is its own entry.
        #expect(try database.write { try $0.rememberedIntegers(ids, 2) } == [5])
    }

    /// BEGIN runs before a transaction's first statement: one that runs none (answered from
    /// what is remembered) commits or rolls back nothing, and the next one is whole.
    @Test func aTransactionWithoutStatementsLeavesNothingOpen() throws {
        let database = try database()
        #expect(try database.write { try color(1, in: $0) } == "red")
        struct Abandon: Error {}
        #expect(try database.write { try color(2, in: $0) } == "blue")
        #expect(throws: Abandon.self) { try database.write { _ in throw Abandon() } }
        #expect(throws: Abandon.self) {
            try database.write { connection in
                #expect(try color(1, in: connection) == "red")
                try connection.run("UPDATE things SET color = 'green' WHERE id = 1")
                try connection.run("INSERT INTO things (id, color) VALUES (7, 'pink')")
                throw Abandon()
            }
        }
        #expect(try database.write { try color(1, in: $0) } == "red")
        #expect(try database.write { try color(7, in: $0) } == nil)
    }

    /// Swift finds "é" and "e\u{301}" equal, SQLite does not: a text argument is read each time.
    @Test func textArgumentsAreReadEachTime() throws {
        let database = try database()
        try database.write { try $0.run("INSERT INTO things (id, color) VALUES (8, ?), (9, ?)", "caf\u{E9}", "cafe\u{301}") }
        let byColor = "SELECT id FROM things WHERE color = ?"
        #expect(try database.write { try $0.rememberedFirst(byColor, "caf\u{E9}")?.int("id") } == 8)
        #expect(try database.write { try $0.rememberedFirst(byColor, "cafe\u{301}")?.int("id") } == 9)
    }
}
