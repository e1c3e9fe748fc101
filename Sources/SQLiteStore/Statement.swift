import CSQLite

/// A prepared statement; finalized when released. Owned by one `Connection`, used on its queue.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    /// Column names and origins, read once: rows share them instead of allocating names per row.
    let layout: RowLayout
    /// Whether running it leaves the database as it was (a `SELECT`; SQLite's own verdict).
    let readOnly: Bool
    /// What `Connection.rememberedFirst` and `rememberedIntegers` read, by arguments, valid
    /// while the connection's count of writing statements is still `rememberedAt`.
    private var remembered: [[SQLValue]: AnyObject] = [:]
    private var rememberedAt: UInt64 = 0

    /// A value read and remembered, boxed: casting a class back is comparing its type, where
    /// casting an `Any` back cost 750 instructions a poll.
    private final class Remembered<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    init(connection: OpaquePointer, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = handle
        self.sql = sql
        let indices = 0..<sqlite3_column_count(handle)
        layout = RowLayout(
            columns: indices.map { String(cString: sqlite3_column_name(handle, $0)) },
            tables: indices.map { sqlite3_column_table_name(handle, $0).map { String(cString: $0) } },
            sql: sql)
        readOnly = sqlite3_stmt_readonly(handle) != 0
    }

    deinit { sqlite3_finalize(handle) }

    /// What was remembered as a `Value` for `arguments` while the count of writes is still
    /// `writes` (nil: nothing, or something of another type).
    func remembered<Value>(_ type: Value.Type, for arguments: [SQLValue], writes: UInt64) -> Value? {
        guard rememberedAt == writes, let box = remembered[arguments] as? Remembered<Value> else { return nil }
        return box.value
    }

    /// Past a thousand argument lists it starts afresh rather than growing with the data.
    func remember<Value>(_ value: Value, for arguments: [SQLValue], writes: UInt64) {
        if rememberedAt != writes || remembered.count >= 1024 {
            remembered.removeAll(keepingCapacity: true)
            rememberedAt = writes
        }
        remembered[arguments] = Remembered(value)
    }

    func bind(_ arguments: [any SQLBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqlValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                // With its byte length, so text with NUL characters is stored whole.
                var copy = text
                code = copy.withUTF8 { bytes in
                    sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), SQLITE_TRANSIENT)
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT)
                }
            }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, message: "cannot bind parameter \(index)", sql: sql) }
        }
    }

    /// Steps to completion, collecting rows.
    func rows(connection: OpaquePointer) throws -> [Row] {
        defer { sqlite3_reset(handle) }
        var rows: [Row] = []
        while try step(connection) { rows.append(currentRow()) }
        return rows
    }

    /// The first row only, stepped once: no list is built for it. (A write with RETURNING has
    /// made all its changes by its first step, so stopping there loses none.)
    func firstRow(connection: OpaquePointer) throws -> Row? {
        defer { sqlite3_reset(handle) }
        return try step(connection) ? currentRow() : nil
    }

    /// The first column of every row as integers, without a `Row` per row. A value that is not
    /// an integer is read through `Row.int64`, which converts what it may and throws otherwise.
    func integers(connection: OpaquePointer) throws -> [Int64] {
        defer { sqlite3_reset(handle) }
        var values: [Int64] = []
        while try step(connection) {
            if sqlite3_column_type(handle, 0) == SQLITE_INTEGER {
                values.append(sqlite3_column_int64(handle, 0))
            } else {
                values.append(try currentRow().int64(layout.columns[0]))
            }
        }
        return values
    }

    /// Steps a statement without parameters or rows (transaction control) once.
    func run(connection: OpaquePointer) throws {
        defer { sqlite3_reset(handle) }
        _ = try step(connection)
    }

    /// One step: true when it produced a row, false when the statement is done.
    private func step(_ connection: OpaquePointer) throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw SQLiteError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }

    private func currentRow() -> Row {
        Row(layout: layout, values: (0..<Int32(layout.columns.count)).map(column))
    }

    private func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let pointer = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a macro.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
