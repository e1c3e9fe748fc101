import CSQLite
import Foundation
import Synchronization

/// When the WAL is copied back into the database file. A checkpoint syncs the WAL and then
/// the database (`synchronous = NORMAL`), about 3 ms each on this kind of disk, and SQLite's
/// automatic one runs inside whichever commit crosses the mark, holding the queue meanwhile.
/// Usually that is every `usualPages` pages, which keeps each one short. While long work
/// commits slice after slice beside other tenants' requests (`Database.deferringCheckpoints`),
/// commits only count their frames: a checkpoint every hundred pages was most of a short
/// slice's cost and of the wait of whoever came next (a 90-day advance beside a neighbour
/// reading flat out: 453 fdatasyncs, 9 without). The long work checkpoints between its slices
/// once the WAL holds `deferredPages`, and when it ends.
final class Checkpoints: @unchecked Sendable {
    static let usualPages = 100
    static let deferredPages = 10_000

    /// Frames in the WAL after the last commit that wrote any (SQLite's WAL hook).
    let frames = Atomic<Int>(0)
    /// Long operations holding automatic checkpoints back; read in the hook, on the queue.
    var deferrals = 0

    /// Takes over SQLite's automatic checkpoint (itself a WAL hook, which this one replaces).
    func install(on connection: Connection) {
        sqlite3_wal_hook(connection.handle, { context, handle, name, frames in
            let checkpoints = Unmanaged<Checkpoints>.fromOpaque(context!).takeUnretainedValue()
            checkpoints.frames.store(Int(frames), ordering: .relaxed)
            // What SQLite's own hook does at the mark; its result is not the commit's.
            if checkpoints.deferrals == 0, frames >= Checkpoints.usualPages {
                if sqlite3_wal_checkpoint(handle, name) == SQLITE_OK {
                    checkpoints.frames.store(0, ordering: .relaxed)
                }
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Whether the WAL has grown past what long work lets it hold.
    var due: Bool { frames.load(ordering: .relaxed) >= Self.deferredPages }

    /// Writes the WAL's pages to disk from the calling thread, off the queue, so that the
    /// checkpoint's own sync of it, in the queue's turn, finds them written already. Only
    /// the kernel's cache is flushed: what SQLite considers durable does not change.
    static func flush(walOf path: String) {
        let descriptor = open(path + "-wal", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fdatasync(descriptor)
        close(descriptor)
    }
}
