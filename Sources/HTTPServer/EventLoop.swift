#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch
import Foundation
import Synchronization

/// One epoll set per event loop, served by two threads of the loop's own. The loop's thread
/// waits in `epoll_wait`, handles each batch of ready sockets inside `queue.sync` on the
/// loop's serial queue, so all connection state stays confined there (its timers and the odd
/// `queue.async` run there too), and then, outside the queue, calls the handlers of the
/// requests the batch completed. When that is the only request in flight, its handler may
/// block briefly (`callerMayBlock`: the sandbox runs the transaction right there when the
/// database is free), and for that while (`covered`) the epoll set joins a second set on which the
/// cover thread waits: it serves the sockets until the handler returns. So at one connection a
/// request costs one wake-up, as with nginx, and no thread but the one the kernel woke runs;
/// before, the loop's thread woke a database thread for every request (2.3 context switches
/// per request against nginx's 1). Two threads both waiting on the set cost more: each
/// readiness woke whichever slept, and the two then met on the loop's queue.
///
/// Other threads hand the loop work with `execute` (answers from the database queue): a list
/// under a lock that the threads take before they wait. Only when no thread is serving need
/// one be woken: at once (an eventfd in the set) for work that cannot wait, or, for
/// bookkeeping that can (an answer already written by the answering thread: the client's next
/// request wakes the loop anyway), by a timerfd `settleDelay` later at the latest.
///
/// Interest is level-triggered; a connection that wants neither reading nor writing is
/// removed from the set, so a hung-up socket it is not watching cannot spin the loop.
final class EventLoop: @unchecked Sendable {
    static let batch = 256
    /// How long bookkeeping handed over without a wake-up may wait for the loop: it only
    /// delays the idle deadline of a connection whose client went quiet.
    static let settleDelay: Int = 20_000_000

    let queue: DispatchQueue
    private let epfd: Int32
    /// Holds `epfd` while the loop's thread runs a handler that may block: the cover thread
    /// waits on it.
    private let coverFD: Int32
    /// Written to wake a thread from `epoll_wait` when work is handed to the loop.
    private let wakeFD: Int32
    /// Armed to wake one `settleDelay` later, for work that can wait.
    private let settleFD: Int32
    /// Confined to `queue`.
    private var connections: [Int32: Connection] = [:]
    /// The handler call the batch in hand keeps for the loop's thread to make once it leaves
    /// `queue` (its request was the only one in flight); nil outside a batch, empty when
    /// there is none. Confined to `queue`.
    private var calls: [@Sendable (_ onQueue: Bool) -> Void]?
    /// Whether the batch in hand is the loop's thread's, not the cover thread's.
    private var primaryBatch = false
    /// Requests read and not yet answered, on every connection. Confined to `queue`.
    var requestsInFlight = 0
    /// What the connections read into. Used on `queue` only.
    let readBuffer = ReadBuffer()

    private struct Inbox {
        /// Runs on `queue`.
        var work: [@Sendable () -> Void] = []
        /// Handler calls that arose outside a batch: run by a thread, outside `queue`.
        var calls: [@Sendable (_ onQueue: Bool) -> Void] = []
        /// Threads awake and about to take the inbox: work handed over needs no wake-up.
        var serving = 2
        /// Whether `settleFD` is armed.
        var settling = false
        var stopped = false
        var running = 2
    }
    private let inbox = Mutex(Inbox())

    /// Marks the loop's threads, so that work they hand over themselves wakes nobody.
    private static let threadKey = makeKey()
    /// Set on the loop's thread while it calls the one handler of its batch.
    private static let mayBlockKey = makeKey()

    private static func makeKey() -> pthread_key_t {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }

    /// Whether the handler being called may block briefly: its request is the only one in
    /// flight, and the cover thread serves the sockets meanwhile (see `covered`). Under load
    /// handlers must not block: at 64 connections, running each transaction and writing each
    /// answer in turn on the loop's threads served a third fewer requests than the loop
    /// beside the database's queue, where the loop reads and writes while the queue runs
    /// transactions on the other core.
    static var callerMayBlock: Bool { pthread_getspecific(mayBlockKey) != nil }

    init(label: String) throws(ServerError) {
        queue = DispatchQueue(label: label)
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        coverFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        settleFD = timerfd_create(CLOCK_MONOTONIC, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard epfd >= 0, coverFD >= 0, wakeFD >= 0, settleFD >= 0 else {
            let error = errno
            for fd in [epfd, coverFD, wakeFD, settleFD] where fd >= 0 { close(fd) }
            throw ServerError.system("cannot create the event loop's descriptors", error)
        }
        for fd in [wakeFD, settleFD] {
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.fd = fd
            _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event)
        }
        for cover in [false, true] {
            let thread = Thread { [self] in run(cover: cover) }
            thread.name = cover ? "\(label).cover" : label
            thread.start()
        }
    }

    /// Ends the loop's threads, the last of which closes the descriptors; connections must
    /// all be closed.
    func stop() {
        // Woken under the lock: the last thread to end closes the eventfd only after taking it.
        inbox.withLock { inbox in
            inbox.stopped = true
            setCovering(true)
            wake()
        }
    }

    /// Whether the caller is one of this loop's threads.
    var isLoopThread: Bool {
        pthread_getspecific(Self.threadKey) == Unmanaged.passUnretained(self).toOpaque()
    }

    /// Runs `work` on the loop's queue, after the batch in hand: from any thread, for the
    /// answers that come back from elsewhere. Work that `canWait` (asked under the lock the
    /// threads take before they sleep) runs within `settleDelay` if nothing wakes the loop first.
    /// Once the loop's threads have ended (a late answer after `stop`), `work` runs on the
    /// queue: the descriptors are closed, and their numbers may be another socket's by now.
    /// Wake-ups happen under the lock, as in `stop`, so the last thread cannot close them first.
    func execute(canWait: () -> Bool = { false }, _ work: @escaping @Sendable () -> Void) {
        let fromLoop = isLoopThread
        let ended = inbox.withLock { inbox -> Bool in
            guard inbox.running > 0 else { return true }
            inbox.work.append(work)
            // A loop thread takes the inbox before it waits again.
            guard !fromLoop, inbox.serving == 0 else { return false }
            if !canWait() {
                wake()
            } else if !inbox.settling {
                inbox.settling = true
                var delay = itimerspec()
                delay.it_value.tv_nsec = Self.settleDelay
                _ = timerfd_settime(settleFD, 0, &delay, nil)
            }
            return false
        }
        if ended { queue.async(execute: work) }
    }

    /// On the loop's queue: calls `handler` for a request just read, telling it whether it
    /// runs on the queue. The only request in flight is called by the loop's thread once the
    /// batch is done, outside the queue, where it may block; others at once, where they must
    /// not (so the database queue starts on each while the batch goes on).
    func call(_ handler: @escaping @Sendable (_ onQueue: Bool) -> Void) {
        if calls != nil {
            if primaryBatch && requestsInFlight == 1 && calls!.isEmpty {
                calls!.append(handler)
            } else {
                handler(true)
            }
            return
        }
        // Outside a batch (a connection's first read, on a Dispatch worker): a thread takes it;
        // once the threads have ended, the queue does (see `execute`).
        let ended = inbox.withLock { inbox -> Bool in
            guard inbox.running > 0 else { return true }
            inbox.calls.append(handler)
            if inbox.serving == 0 { wake() }
            return false
        }
        if ended { queue.async { handler(true) } }
    }

    /// Runs `body`, a handler; when it may block, the cover thread serves the sockets meanwhile.
    func covered(_ body: () -> Void) {
        guard Self.callerMayBlock else { return body() }
        setCovering(true)
        body()
        setCovering(false)
    }

    /// Puts the epoll set in the cover thread's set, or takes it out: while it is in, any
    /// ready socket (or handed-over work) wakes the cover thread.
    private func setCovering(_ covering: Bool) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = epfd
        _ = epoll_ctl(coverFD, covering ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, epfd, &event)
    }

    /// Whether no loop thread is serving sockets now: work handed over then waits for a
    /// wake-up, so the answering thread had better write its answer itself.
    var isAsleep: Bool { inbox.withLock { $0.serving == 0 } }

    /// On the loop's queue, from work that did not come through a loop thread (accepting,
    /// counting): runs what was handed over and not yet run, so that connections whose
    /// answers went out look idle, as they are.
    func runHandedOver() {
        var work: [@Sendable () -> Void] = []
        inbox.withLock { swap(&work, &$0.work) }
        for item in work { item() }
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    /// Changes the events `connection` is watched for from `old` to `new` (0: not in the set).
    func update(_ connection: Connection, from old: UInt32, to new: UInt32) {
        guard old != new else { return }
        let fd = connection.fd
        var event = epoll_event()
        event.events = new
        event.data.fd = fd
        if new == 0 {
            _ = epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &event)
            connections[fd] = nil
        } else if old == 0 {
            connections[fd] = connection
            _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event)
        } else {
            _ = epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &event)
        }
    }

    /// The loop's thread (`cover` false) waits on the epoll set; the cover thread waits on
    /// `coverFD`, which holds the set only while the loop's thread may be blocked in a handler.
    private func run(cover: Bool) {
        pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Self.batch)
        defer { events.deallocate() }
        var serving = true
        while true {
            let (work, handlers, stopped) = inbox.withLock { inbox in
                var work: [@Sendable () -> Void] = []
                var handlers: [@Sendable (_ onQueue: Bool) -> Void] = []
                guard !inbox.stopped else { return (work, handlers, true) }
                swap(&work, &inbox.work)
                swap(&handlers, &inbox.calls)
                let idle = work.isEmpty && handlers.isEmpty
                if serving && idle { inbox.serving -= 1 } else if !serving && !idle { inbox.serving += 1 }
                serving = !idle
                return (work, handlers, false)
            }
            if stopped { break }
            let count: Int32
            if serving {
                // Handed-over work is run with whatever the set has ready now.
                count = epoll_wait(epfd, events, Int32(Self.batch), 0)
            } else {
                if cover {
                    var covering = epoll_event()
                    _ = epoll_wait(coverFD, &covering, 1, -1)
                    count = epoll_wait(epfd, events, Int32(Self.batch), 0)
                } else {
                    count = epoll_wait(epfd, events, Int32(Self.batch), -1)
                }
                inbox.withLock { $0.serving += 1 }
                serving = true
            }
            guard count > 0 || !work.isEmpty || !handlers.isEmpty else { continue }
            var batchCalls = handlers
            var alone = false
            queue.sync {
                calls = []
                primaryBatch = !cover
                // Answers first: a connection whose answer is out reads its next request below.
                for item in work { item() }
                handle(events, Int(max(0, count)))
                // Taken whole when there is nothing to add it to: appending copies into a new buffer.
                if batchCalls.isEmpty { batchCalls = calls! } else { batchCalls += calls! }
                calls = nil
                alone = requestsInFlight == 1
            }
            guard cover || batchCalls.count != 1 || !alone else {
                // The only request anywhere: its handler may block, so this thread stops serving.
                inbox.withLock { $0.serving -= 1 }
                serving = false
                pthread_setspecific(Self.mayBlockKey, UnsafeRawPointer(bitPattern: 1))
                batchCalls[0](false)
                pthread_setspecific(Self.mayBlockKey, nil)
                continue
            }
            for handler in batchCalls { handler(false) }
        }
        // The other may be asleep: each thread that ends wakes it (the cover thread waits on
        // `coverFD`, which the loop's thread may have just emptied), before it counts itself
        // out (the last one closes the descriptors).
        setCovering(true)
        wake()
        // The last one also hands what is still in the inbox to the queue (see `execute`).
        let left = inbox.withLock { inbox -> (work: [@Sendable () -> Void], calls: [@Sendable (Bool) -> Void])? in
            if serving { inbox.serving -= 1 }
            inbox.running -= 1
            guard inbox.running == 0 else { return nil }
            defer { (inbox.work, inbox.calls) = ([], []) }
            return (inbox.work, inbox.calls)
        }
        guard let left else { return }
        for fd in [wakeFD, settleFD, coverFD, epfd] { close(fd) }
        for work in left.work { queue.async(execute: work) }
        for handler in left.calls { queue.async { handler(true) } }
    }

    private func handle(_ events: UnsafeMutablePointer<epoll_event>, _ count: Int) {
        for index in 0..<count {
            let event = events[index]
            if event.data.fd == wakeFD || event.data.fd == settleFD {
                var value: UInt64 = 0
                _ = read(event.data.fd, &value, MemoryLayout<UInt64>.size)
                if event.data.fd == settleFD { inbox.withLock { $0.settling = false } }
                continue
            }
            // A connection closed since the wait is gone from the map. Should its fd number
            // already serve a newer connection, that one only tries a read that finds nothing.
            guard let connection = connections[event.data.fd] else { continue }
            connection.ready(event.events)
        }
    }
}
