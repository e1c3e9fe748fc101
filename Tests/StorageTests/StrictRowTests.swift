import SQLiteStore
import SandboxCore
import Testing

/// Row reads are strict: what the schema promises and the row lacks is a `StorageError`
/// naming table, column and value, never a zero value.
@Suite struct StrictRowTests {
    enum Color: String { case red, green }

    func row(_ sql: String = "SELECT * FROM things") throws -> Row {
        let database = try Database(path: ":memory:")
        return try database.write { connection in
            try connection.execute(
                "CREATE TABLE things (id INTEGER PRIMARY KEY, color TEXT, size INTEGER, note TEXT, doc TEXT)")
            try connection.run(
                "INSERT INTO things (id, color, size, note, doc) VALUES (1, 'purple', NULL, 'ten', '{\"a\": 1')")
            return try #require(try connection.first(sql))
        }
    }

    func storageError(_ read: () throws -> Any) -> StorageError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error as? StorageError
        }
    }

    @Test func aMissingColumnThrowsForEveryReader() throws {
        let row = try row()
        let readers: [(String) throws -> Any] = [
            row.value, row.int, row.int64, row.optionalInt, row.double, row.string, row.optionalString, row.bool,
            row.json, row.optionalJSON, { try row.value($0, as: Color.self) },
        ]
        for read in readers {
            let error = storageError { try read("colour") }
            #expect(error?.problem == .missingColumn)
            #expect(error?.column == "colour")
            #expect(error?.description.contains("no column colour in the result (in: SELECT * FROM things)") == true)
        }
    }

    @Test func anUnknownEnumValueNamesTableColumnAndValue() throws {
        let error = try #require(storageError { try self.row().value("color", as: Color.self) })
        #expect(error.table == "things")
        #expect(error.value == .text("purple"))
        #expect(error.description.contains("things.color holds 'purple', which is not a StorageTests.StrictRowTests.Color"))
    }

    @Test func nullIsAnErrorOnlyWhereAValueMustBe() throws {
        let row = try row()
        #expect(try row.optionalInt("size") == nil)
        #expect(storageError { try row.int("size") }?.problem == .null)
        #expect(storageError { try row.string("size") }?.description.contains("things.size is NULL") == true)
    }

    @Test func valuesOfTheWrongTypeThrow() throws {
        let row = try row()
        #expect(storageError { try row.int("note") }?.problem == .unreadable(as: "an integer"))
        #expect(storageError { try row.double("color") }?.problem == .unreadable(as: "a number"))
        #expect(storageError { try row.json("doc") }?.problem == .unreadable(as: "JSON"))
        #expect(try row.int("id") == 1)
    }

    /// Parsed JSON texts are remembered (`StoredJSON`); a text that does not parse never is.
    @Test func storedJSONReadsAlikeEveryTimeAndBrokenJSONAlwaysThrows() throws {
        let good = try row("SELECT '{\"b\": [1, \"x\"]}' AS doc")
        #expect(try good.json("doc") == ["b": [1, "x"]])
        #expect(try good.json("doc") == ["b": [1, "x"]])
        let broken = try row()
        for _ in 0..<2 { #expect(storageError { try broken.json("doc") }?.problem == .unreadable(as: "JSON")) }
    }

    /// A list of integers read without rows converts and refuses exactly as `Row.int64` does.
    @Test func integerListsAreReadAsStrictlyAsRows() throws {
        let database = try Database(path: ":memory:")
        let (numbers, refusal) = try database.write { connection in
            try connection.execute("CREATE TABLE ids (id)")
            try connection.run("INSERT INTO ids VALUES (3), (4.0), ('5')")
            let numbers = try connection.integers("SELECT id FROM ids ORDER BY rowid")
            try connection.run("INSERT INTO ids VALUES ('six')")
            return (numbers, storageError { try connection.integers("SELECT id FROM ids ORDER BY rowid") })
        }
        #expect(numbers == [3, 4, 5])
        #expect(refusal?.problem == .unreadable(as: "an integer"))
        #expect(refusal?.table == "ids")
    }

    @Test func expressionsHaveNoTable() throws {
        let row = try row("SELECT color || '!' AS shout FROM things")
        let error = try #require(storageError { try row.value("shout", as: Color.self) })
        #expect(error.table == nil)
        #expect(error.description.contains("shout holds 'purple!'"))
    }
}
