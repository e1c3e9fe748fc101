import Dispatch
import Foundation
import SandboxCore

/// Long-polls on the event stream. A waiting request holds no thread: its responder is
/// parked here, and is answered when `wake()` (called after a transaction with new events
/// commits) finds events for it, or when its wait runs out. All waiter state lives on
/// one serial queue.
public final class EventFeed: @unchecked Sendable {
    public static let maximumWaitSeconds = 60.0
    public static let maximumBatch = 1000

    struct Waiter {
        let token: String?
        let after: Int
        let limit: Int
        let respond: @Sendable (EventPresenter.Page) -> Void
    }

    private let runtime: SandboxRuntime
    private let queue = DispatchQueue(label: "sandbox.events")
    private var waiters: [Int: Waiter] = [:]
    private var nextId = 1
    /// Set when the server stops: long-polls are then answered at once.
    private var closed = false
    private let wakeLock = NSLock()
    private var wakePending = false

    public init(runtime: SandboxRuntime) {
        self.runtime = runtime
    }

    public var waitingCount: Int { queue.sync { waiters.count } }

    /// New events were committed: answer the waiters that have some. Bursts of wakes
    /// while a check is pending collapse into that one check.
    public func wake() {
        wakeLock.lock()
        let schedule = !wakePending
        wakePending = true
        wakeLock.unlock()
        guard schedule else { return }
        queue.async { [self] in
            wakeLock.lock()
            wakePending = false
            wakeLock.unlock()
            deliver(Array(waiters.keys))
        }
    }

    /// Parks a long-poll for up to `seconds` (real time).
    func park(token: String?, after: Int, limit: Int, seconds: Double, respond: @escaping @Sendable (EventPresenter.Page) -> Void) {
        queue.async { [self] in
            guard !closed else {
                return respond(Self.nothing(after: after, token: token))
            }
            let id = nextId
            nextId += 1
            waiters[id] = Waiter(token: token, after: after, limit: limit, respond: respond)
            // Events committed between the caller's first look and now would wake no one.
            deliver([id])
            queue.asyncAfter(deadline: .now() + seconds) { [self] in
                guard let waiter = waiters.removeValue(forKey: id) else { return }
                waiter.respond(Self.nothing(after: waiter.after, token: waiter.token))
            }
        }
    }

    /// The server is stopping: every long-poll, parked or to come, is answered now with what
    /// it has (nothing, as when its wait runs out), so that none holds the shutdown for its wait.
    public func close() {
        queue.sync {
            closed = true
            let parked = waiters
            waiters.removeAll()
            for waiter in parked.values { waiter.respond(Self.nothing(after: waiter.after, token: waiter.token)) }
        }
    }

    /// A long-poll's answer when no event came.
    private static func nothing(after: Int, token: String?) -> EventPresenter.Page {
        EventPresenter.Page(batch: EventBatch(events: [], droppedThrough: nil), after: after, all: token == nil)
    }

    /// On the queue: one query per distinct (token, after), so each waiter's batch starts at
    /// its own `after` (a shared batch from the smallest `after` could end before a later
    /// waiter's events begin), then each waiter of the group takes its share.
    private func deliver(_ ids: [Int]) {
        let parked = ids.compactMap { id in waiters[id].map { (id, $0) } }
        let groups = Dictionary(grouping: parked, by: { Cursor(token: $0.1.token, after: $0.1.after) })
        for (cursor, members) in groups {
            let limit = members.map(\.1.limit).max() ?? Self.maximumBatch
            let found: EventBatch
            do {
                found = try runtime.events(token: cursor.token, after: cursor.after, limit: limit)
            } catch {
                continue
            }
            guard !found.events.isEmpty || found.droppedThrough != nil else { continue }
            for (id, waiter) in members {
                waiters[id] = nil
                let share = EventBatch(events: Array(found.events.prefix(waiter.limit)), droppedThrough: found.droppedThrough)
                waiter.respond(EventPresenter.Page(batch: share, after: waiter.after, all: cursor.token == nil))
            }
        }
    }

    /// Where a group of waiters reads the stream from.
    private struct Cursor: Hashable {
        let token: String?
        let after: Int
    }
}
