import Dispatch
import Synchronization

/// The database: one connection owned by one serial queue, holding the file exclusively.
/// Every `write` is one transaction (BEGIN ... COMMIT, ROLLBACK on any thrown error), which
/// is how "one request = one transaction" holds: nothing is half-applied when a handler throws.
/// BEGIN runs before the transaction's first statement: a request answered from what the
/// connection remembers runs none (see `Connection.begin`).
/// Deferred, not IMMEDIATE: with the file held exclusively by this one connection, a
/// transaction's first write can meet no other writer, and a request that only reads then
/// commits without taking the WAL's write lock.
public final class Database: @unchecked Sendable {
    public let path: String
    private let queue = DispatchQueue(label: "sandbox.sqlite")
    private let queueKey = DispatchSpecificKey<Bool>()
    private var connection: Connection?
    /// Set while a `write` runs, so a nested one fails loudly instead of committing early.
    private var inTransaction = false
    /// Work submitted or waiting to run on the queue: long work ends its slice early for it.
    private let queued = Atomic<Int>(0)
    /// Work submitted, waiting or running: the queue is free at zero.
    private let occupancy = Atomic<Int>(0)
    private let checkpoints = Checkpoints()

    /// `busyTimeout` is how long (ms) opening waits for another process's lock on the file;
    /// once open, the file is this process's alone.
    public init(path: String, busyTimeout: Int = 2000) throws {
        self.path = path
        let connection = try Connection(path: path)
        self.connection = connection
        queue.setSpecific(key: queueKey, value: true)
        // Exclusive locking: the file is locked once, for as long as the server runs, instead
        // of taking and releasing file locks (fcntl, several per transaction) on every
        // request; the WAL index then lives in process memory. The price: no other process
        // can open the file meanwhile; a brief lock held by another (the sqlite3 shell, a
        // backup) is waited out for `busyTimeout`. Checkpoints are `Checkpoints`' (every 100
        // pages, fewer while long work commits slice after slice).
        do {
            try connection.execute(
                """
                PRAGMA busy_timeout = \(max(0, busyTimeout));
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA foreign_keys = ON;
                """)
        } catch {
            // Closed, or the handle (and any lock it took) would outlive the failed start.
            connection.close()
            guard let failure = error as? SQLiteError else { throw error }
            throw SQLiteError(code: failure.code, message: Self.openingFailure(failure, path: path), sql: nil)
        }
        checkpoints.install(on: connection)
    }

    /// One line saying why `path` could not be opened, without the PRAGMAs that found out.
    private static func openingFailure(_ failure: SQLiteError, path: String) -> String {
        switch failure.code & 0xFF {
        case 5: "\(path) is in use by another process (another sandbox, or an sqlite3 shell with it open)"
        case 26: "\(path) is not an SQLite database"
        default: "cannot open \(path): \(failure.message)"
        }
    }

    /// Runs `body` in a write transaction on the database queue and returns its result.
    @discardableResult
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try onQueue { connection in
            precondition(!inTransaction, "nested database transaction")
            inTransaction = true
            defer { inTransaction = false }
            try connection.begin()
            do {
                let result = try body(connection)
                try connection.commit()
                return result
            } catch {
                connection.rollback()
                throw error
            }
        }
    }

    /// Runs `work` on the database queue later, in the order submitted. Inside it, `read`
    /// and `write` run at once on the current thread. Work submitted while a long job runs
    /// its transactions one by one from another thread gets its turn between them.
    /// `mayRunHere`: the caller may block briefly (the HTTP server's loop thread while its
    /// cover thread serves), so when the queue is free the work runs at once on the caller's
    /// thread, which saves waking a Dispatch worker for every request.
    public func submit(mayRunHere: Bool = false, _ work: @escaping @Sendable () -> Void) {
        if mayRunHere, !isCurrentQueue,
            occupancy.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged
        {
            queued.add(1, ordering: .relaxed)
            queue.sync {
                queued.subtract(1, ordering: .relaxed)
                work()
            }
            occupancy.subtract(1, ordering: .releasing)
            return
        }
        queued.add(1, ordering: .relaxed)
        occupancy.add(1, ordering: .relaxed)
        queue.async { [self] in
            queued.subtract(1, ordering: .relaxed)
            work()
            occupancy.subtract(1, ordering: .relaxed)
        }
    }

    /// Runs `turn` on the queue again and again until it returns false, while the calling
    /// thread (never the queue's) waits; the first error ends the turns and is thrown here.
    /// Each turn is a work item of its own, queued behind whatever was submitted during the one
    /// before, so others get the queue between turns, and the queue's thread goes from their
    /// work to the next turn without waking the caller and waiting for it in between (two
    /// context switches per turn saved, measured in docs/performance.md).
    public func inTurns(_ turn: @escaping @Sendable () throws -> Bool) throws {
        precondition(!isCurrentQueue, "inTurns would wait for itself on the database queue")
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        @Sendable func next() {
            submit {
                do {
                    if try turn() { return next() }
                } catch {
                    failure.withLock { $0 = error }
                }
                finished.signal()
            }
        }
        next()
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Runs `work`, long work committing slice after slice from a thread other than the
    /// queue, with automatic checkpoints held back (see `Checkpoints`): `work` calls
    /// `checkpointIfDue` between its slices; the last such work to end checkpoints what is
    /// left, in a turn of its own rather than inside someone's commit. The WAL is as durable
    /// meanwhile (docs/crash-safety.md): a crash of the process loses nothing committed, one of
    /// the machine the last commits since a checkpoint, never half of one.
    public func deferringCheckpoints<T>(_ work: () throws -> T) throws -> T {
        try onQueue { _ in checkpoints.deferrals += 1 }
        defer {
            let last = (try? onQueue { _ in
                checkpoints.deferrals -= 1
                return checkpoints.deferrals == 0
            }) ?? false
            if last, checkpoints.frames.load(ordering: .relaxed) >= Checkpoints.usualPages { checkpoint() }
        }
        return try work()
    }

    /// Between the slices of `deferringCheckpoints`' work: checkpoints once the WAL has grown
    /// to `Checkpoints.deferredPages`.
    public func checkpointIfDue() {
        if checkpointDue { checkpoint() }
    }

    /// Whether the WAL has grown to `Checkpoints.deferredPages` (see `checkpointIfDue`).
    public var checkpointDue: Bool { checkpoints.due }

    /// Flushes the WAL from this thread, then copies it into the database in a turn of its own.
    private func checkpoint() {
        Checkpoints.flush(walOf: path)
        _ = try? onQueue { connection in
            guard !inTransaction else { return }
            try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            checkpoints.frames.store(0, ordering: .relaxed)
        }
    }

    /// Whether other work waits for the queue: a long transaction then ends its slice.
    public var othersWaiting: Bool { queued.load(ordering: .relaxed) > 0 }

    /// Whether the caller runs on the database queue (inside `submit`'s work).
    public var isCurrentQueue: Bool { DispatchQueue.getSpecific(key: queueKey) == true }

    /// Runs `body` on the database queue without opening a write transaction.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try onQueue(body)
    }

    /// Checkpoints the WAL and closes the connection; later calls fail.
    public func close() {
        precondition(DispatchQueue.getSpecific(key: queueKey) == nil, "close() called on the database queue")
        queue.sync {
            _ = try? connection?.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection?.close()
            connection = nil
        }
    }

    private func onQueue<T>(_ body: (Connection) throws -> T) throws -> T {
        func run() throws -> T {
            guard let connection else { throw SQLiteError(code: 21, message: "database is closed", sql: nil) }
            return try body(connection)
        }
        if isCurrentQueue { return try run() }
        queued.add(1, ordering: .relaxed)
        occupancy.add(1, ordering: .relaxed)
        defer { occupancy.subtract(1, ordering: .relaxed) }
        return try queue.sync {
            queued.subtract(1, ordering: .relaxed)
            return try run()
        }
    }
}
