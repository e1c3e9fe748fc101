import Foundation
import SQLiteStore
import Testing

/// `Database.submit(mayRunHere: true)` runs work on the caller's thread when the queue is
/// free, and never makes the caller wait behind other work: then it queues, in order.
@Suite struct DatabaseRunHereTests {
    final class Trace: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    @Test func onAFreeQueueTheWorkRunsOnTheCallersThreadInsideTheQueue() throws {
        let database = try Database(path: ":memory:")
        let caller = pthread_self()
        let ranHere = Trace()
        database.submit(mayRunHere: true) {
            if pthread_equal(pthread_self(), caller) != 0 { ranHere.add("caller") }
            // Inside the queue: a read runs at once instead of waiting for itself.
            if (try? database.read { _ in true }) == true { ranHere.add("on the queue") }
        }
        #expect(ranHere.all == ["caller", "on the queue"])
    }

    @Test func behindBusyWorkItQueuesInOrderInsteadOfWaiting() throws {
        let database = try Database(path: ":memory:")
        let trace = Trace()
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        database.submit {
            release.wait()
            trace.add("first")
        }
        database.submit(mayRunHere: true) { trace.add("second") }
        // perform returned while the first work still holds the queue.
        #expect(trace.all.isEmpty)
        database.submit {
            trace.add("third")
            done.signal()
        }
        release.signal()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(trace.all == ["first", "second", "third"])
    }

    @Test func workPerformedFromInsideTheQueueRunsAfterTheCurrentWork() throws {
        let database = try Database(path: ":memory:")
        let trace = Trace()
        let done = DispatchSemaphore(value: 0)
        database.submit {
            database.submit(mayRunHere: true) {
                trace.add("inner")
                done.signal()
            }
            trace.add("outer")
        }
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(trace.all == ["outer", "inner"])
    }
}
