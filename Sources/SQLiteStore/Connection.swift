import CSQLite

/// One SQLite connection with a prepared-statement cache. Not thread-safe on its own:
/// `Database` confines it to a serial queue, and callers only ever see it inside `write`/`read`.
public final class Connection {
    let handle: OpaquePointer
    private var cache: [StatementKey: Statement] = [:]
    /// Transaction control, which runs twice on every request: prepared once and stepped
    /// directly, without the cache's lookup, the binding and the collecting of rows. Nil once
    /// closed, so that closing finalizes them and the file is let go at once.
    private var beginning: Statement?
    private var committing: Statement?
    /// Statements run that may have written (all but read-only ones, and every `execute`),
    /// and that count when the current transaction began: what `rememberedFirst` keys on.
    private var writes: UInt64 = 0
    private var writesAtBegin: UInt64 = 0
    /// `begin` was called and BEGIN has not run yet: it runs before the transaction's first
    /// statement, so a request answered from what is remembered touches SQLite not at all.
    private var beginPending = false

    /// Process-wide settings, applied once before the first connection opens SQLite.
    private static let configured: Void = { _ = sandbox_sqlite3_disable_memory_statistics() }()

    init(path: String) throws {
        _ = Self.configured
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(code: code, message: "cannot open \(path): \(message)", sql: nil)
        }
        self.handle = handle
        do {
            beginning = try Statement(connection: handle, sql: "BEGIN")
            committing = try Statement(connection: handle, sql: "COMMIT")
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    /// Starts a transaction, which SQLite begins at its first statement (`startPending`).
    public func begin() throws {
        _ = try transactionControl(beginning, "BEGIN")
        beginPending = true
    }

    /// Commits, if a statement ran since `begin`; else there is nothing to commit.
    public func commit() throws {
        guard !beginPending else {
            beginPending = false
            return
        }
        try transactionControl(committing, "COMMIT").run(connection: handle)
    }

    /// Rolls back what ran since `begin`, if anything did.
    public func rollback() {
        guard !beginPending else {
            beginPending = false
            return
        }
        _ = try? query("ROLLBACK")
    }

    /// Runs the BEGIN that `begin` left for the first statement, before that statement. If
    /// BEGIN fails it stays pending, so no later statement of the request runs outside a
    /// transaction, even one a handler tries after catching the failure.
    private func startPending() throws {
        guard beginPending else { return }
        try transactionControl(beginning, "BEGIN").run(connection: handle)
        beginPending = false
        writesAtBegin = writes
    }

    private func transactionControl(_ statement: Statement?, _ sql: String) throws -> Statement {
        guard let statement else { throw SQLiteError(code: 21, message: "database is closed", sql: sql) }
        return statement
    }

    func close() {
        beginning = nil
        committing = nil
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (schema, pragmas, transactions).
    public func execute(_ sql: String) throws {
        try startPending()
        writes &+= 1
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// Runs a statement and returns its rows. Statements are prepared once and cached.
    @discardableResult
    public func query(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [Row] {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        return try statement.rows(connection: handle)
    }

    /// For SQL built at run time from varying input: prepared, run and finalized at once.
    @discardableResult
    public func queryUncached(_ sql: String, _ arguments: [any SQLBindable]) throws -> [Row] {
        try startPending()
        let statement = try Statement(connection: handle, sql: sql)
        if !statement.readOnly { writes &+= 1 }
        try statement.bind(arguments)
        return try statement.rows(connection: handle)
    }

    public func query(_ sql: String, _ arguments: any SQLBindable...) throws -> [Row] {
        try query(sql, arguments)
    }

    public func first(_ sql: String, _ arguments: any SQLBindable...) throws -> Row? {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        return try statement.firstRow(connection: handle)
    }

    /// `first` of a read-only statement, remembered: the same arguments get the row read
    /// before while this connection has run nothing that writes since, as for rows clients
    /// poll (a VM's status, a job's). A row is remembered only when the transaction it was
    /// read in had written nothing yet, so a rollback cannot leave one that was never
    /// committed. The file must be this connection's alone (it is: see `Database`).
    public func rememberedFirst(_ sql: String, _ arguments: any SQLBindable...) throws -> Row? {
        try remembered(sql, arguments) { try $0.firstRow(connection: handle) }
    }

    /// `rememberedFirst`, decoded: what `decode` made of the row is remembered, so a poll
    /// skips decoding too. One statement, one decoding: the same SQL must always be decoded
    /// the same way (decoded as another type, the row is read and decoded again).
    public func rememberedFirst<Value>(
        _ sql: String, _ arguments: any SQLBindable..., decodedAs decode: (Row) throws -> Value
    ) throws -> Value? {
        try remembered(sql, arguments) { try $0.firstRow(connection: handle).map(decode) }
    }

    /// `integers`, remembered like `rememberedFirst` (the VM ids a list polls).
    public func rememberedIntegers(_ sql: String, _ arguments: any SQLBindable...) throws -> [Int64] {
        try remembered(sql, arguments) { try $0.integers(connection: handle) }
    }

    /// What `read` gives, remembered by its type (what is remembered as another type for the
    /// same statement is read again).
    private func remembered<Value>(
        _ sql: String, _ arguments: [any SQLBindable], read: (Statement) throws -> Value
    ) throws -> Value {
        let statement = try cached(sql)
        let key = arguments.map(\.sqlValue)
        // Text arguments are not remembered: Swift compares strings by canonical equivalence,
        // SQLite by bytes, so two texts one key would be two rows.
        let rememberable = statement.readOnly && !key.contains(where: \.isText)
        if rememberable, let value = statement.remembered(Value.self, for: key, writes: writes) {
            return value
        }
        try startPending()
        if !statement.readOnly { writes &+= 1 }
        try statement.bind(arguments)
        let value = try read(statement)
        if rememberable && (writes == writesAtBegin || sqlite3_get_autocommit(handle) != 0) {
            statement.remember(value, for: key, writes: writes)
        }
        return value
    }

    /// The first column of each row, as integers (a list of ids), read strictly like `Row.int64`.
    public func integers(_ sql: String, _ arguments: any SQLBindable...) throws -> [Int64] {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        return try statement.integers(connection: handle)
    }

    @discardableResult
    public func run(_ sql: String, _ arguments: any SQLBindable...) throws -> Int {
        try query(sql, arguments)
        return Int(sqlite3_changes(handle))
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows inserted, updated or deleted through this connection since it opened, whether
    /// committed or rolled back (a rollback does not lower it): a row read here stays as read
    /// while this has not moved.
    public var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// Names of the user tables, for generic export and reset.
    public func tableNames() throws -> [String] {
        try query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .map { try $0.string("name") }
    }

    public func columnNames(of table: String) throws -> [String] {
        try query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table).map { try $0.string("name") }
    }

    /// The cached statement for `sql`, about to run: after the transaction's pending BEGIN,
    /// and counted as a write unless it is read-only. Every statement run through the cache
    /// but a remembered read comes here first.
    private func prepared(_ sql: String) throws -> Statement {
        try startPending()
        let statement = try cached(sql)
        if !statement.readOnly { writes &+= 1 }
        return statement
    }

    private func cached(_ sql: String) throws -> Statement {
        if let statement = cache[StatementKey(sql: sql)] { return statement }
        let statement = try Statement(connection: handle, sql: sql)
        cache[StatementKey(sql: sql)] = statement
        return statement
    }
}

/// The statement cache's key: the SQL, hashed by its length and a few of its bytes instead of
/// all of them. Hashing whole statements (100 to 300 bytes, about twenty per due step) was 5 %
/// of a due step; equality still compares the text, which for the same literal is one pointer
/// comparison, so a rare collision only costs a comparison.
struct StatementKey: Hashable {
    let sql: String

    func hash(into hasher: inout Hasher) {
        var sql = sql
        sql.withUTF8 { bytes in
            hasher.combine(bytes.count)
            guard !bytes.isEmpty else { return }
            // Where statements differ: table and column names after the opening, and the end.
            hasher.combine(bytes[bytes.count / 4])
            hasher.combine(bytes[bytes.count / 2])
            hasher.combine(bytes[3 * bytes.count / 4])
            hasher.combine(bytes[bytes.count - 1])
        }
    }
}
