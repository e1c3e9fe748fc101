#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch
import Foundation
import Synchronization

/// One epoll set per event loop, waited on by `threadCount` threads of the loop's own. A thread
/// woken with ready sockets handles them inside `queue.sync` on the loop's serial queue, so all
/// connection state stays confined there (its timers and the odd `queue.async` run there too);
/// then, outside the queue, it calls the handlers of the requests that batch completed. The
/// handler of a batch's only request may block briefly (the sandbox runs its transaction
/// right there when the database is free; see `callerMayBlock`), because meanwhile the other
/// thread waits in `epoll_wait` and serves the sockets.
/// So at one connection a request costs one wake-up, as with nginx: the thread the kernel
/// woke reads, answers and writes; before, the loop's thread woke a database thread for every
/// request (2.3 context switches per request against nginx's 1).
///
/// Sockets are registered one-shot: the kernel hands each readiness to one thread only, and
/// the loop re-arms the socket after handling it (level-triggered, every waiter would be woken
/// for a socket until one of them had read it).
///
/// Other threads hand the loop work with `execute` (answers from the database queue): a list
/// under a lock that each thread takes before it waits. Only when no thread is serving need
/// one be woken: at once (an eventfd in the set) for work that cannot wait, or, for
/// bookkeeping that can (an answer already written by the answering thread: the client's next
/// request wakes the loop anyway), by a timerfd `settleDelay` later at the latest.
final class EventLoop: @unchecked Sendable {
    static let batch = 256
    /// Two: one to run a request's transaction while the other serves sockets. A third would
    /// only wait for the database, which runs one transaction at a time.
    static let threadCount = 2
    /// How long bookkeeping handed over without a wake-up may wait for the loop: it only
    /// delays the idle deadline of a connection whose client went quiet.
    static let settleDelay: Int = 20_000_000

    let queue: DispatchQueue
    private let epfd: Int32
    /// Written to wake a thread from `epoll_wait` when work is handed to the loop.
    private let wakeFD: Int32
    /// Armed to wake one `settleDelay` later, for work that can wait.
    private let settleFD: Int32
    /// Confined to `queue`.
    private var connections: [Int32: Connection] = [:]
    /// Handler calls of the batch in hand, made by the thread that handled it once it leaves
    /// `queue`; nil outside a batch. Confined to `queue`.
    private var calls: [@Sendable () -> Void]?

    private struct Inbox {
        /// Runs on `queue`.
        var work: [@Sendable () -> Void] = []
        /// Handler calls that arose outside a batch: run by a thread, outside `queue`.
        var calls: [@Sendable () -> Void] = []
        /// Threads between waking and calling their batch's handlers: they take the inbox
        /// before they wait again.
        var serving = 0
        /// Threads in a blocking `epoll_wait`.
        var blocked = 0
        /// Whether `settleFD` is armed.
        var settling = false
        var stopped = false
        var running = 0
    }
    private let inbox = Mutex(Inbox())

    /// Marks the loop's threads, so that work they hand over themselves wakes nobody.
    private static let threadKey = makeKey()
    /// Set on a loop thread while it calls the one handler of its batch: see `callerMayBlock`.
    private static let mayBlockKey = makeKey()

    private static func makeKey() -> pthread_key_t {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }

    /// Whether the handler being called may block briefly: it was the only request of its
    /// batch and the other thread waits for sockets, so it serves them meanwhile. Under load
    /// handlers must not block: at 64 connections, loop threads running each transaction and
    /// writing each answer in turn served a third fewer requests than the loop beside the
    /// database's queue, where the loop reads and writes while the queue runs transactions.
    static var callerMayBlock: Bool { pthread_getspecific(mayBlockKey) != nil }

    init(label: String) throws(ServerError) {
        queue = DispatchQueue(label: label)
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epfd >= 0 else { throw ServerError.system("cannot create an epoll set", errno) }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        settleFD = timerfd_create(CLOCK_MONOTONIC, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard wakeFD >= 0, settleFD >= 0 else {
            let error = errno
            for fd in [epfd, wakeFD, settleFD] where fd >= 0 { close(fd) }
            throw ServerError.system("cannot create the event loop's wake-up descriptors", error)
        }
        for fd in [wakeFD, settleFD] {
            var event = epoll_event()
            // Edge-triggered: each write or expiry wakes one thread, not every waiter.
            event.events = EPOLLIN.rawValue | EPOLLET.rawValue
            event.data.fd = fd
            _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event)
        }
        inbox.withLock { inbox in
            inbox.running = Self.threadCount
            inbox.serving = Self.threadCount
        }
        for index in 0..<Self.threadCount {
            let thread = Thread { [self] in run() }
            thread.name = "\(label).\(index)"
            thread.start()
        }
    }

    /// Ends the loop's threads, the last of which closes the epoll set; connections must all be closed.
    func stop() {
        // Woken under the lock: the last thread to end closes the eventfd only after taking it.
        inbox.withLock { inbox in
            inbox.stopped = true
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
    func execute(canWait: () -> Bool = { false }, _ work: @escaping @Sendable () -> Void) {
        let fromLoop = isLoopThread
        enum Waking { case none, now, soon }
        let waking = inbox.withLock { inbox -> Waking in
            inbox.work.append(work)
            // A loop thread takes the inbox before it waits again; so does one serving.
            guard !fromLoop, inbox.serving == 0, inbox.blocked > 0 else { return .none }
            if !canWait() { return .now }
            guard inbox.blocked == Self.threadCount, !inbox.settling else { return .none }
            inbox.settling = true
            return .soon
        }
        switch waking {
        case .none: break
        case .now: wake()
        case .soon:
            var delay = itimerspec()
            delay.it_value.tv_nsec = Self.settleDelay
            _ = timerfd_settime(settleFD, 0, &delay, nil)
        }
    }

    /// On the loop's queue: calls `handler` on a loop thread outside the queue, once the batch
    /// in hand is done (a handler may block briefly; the queue must not).
    func call(_ handler: @escaping @Sendable () -> Void) {
        if calls != nil {
            calls!.append(handler)
            return
        }
        // Outside a batch (a connection's first read, on a Dispatch worker): a thread takes it.
        let waking = inbox.withLock { inbox -> Bool in
            inbox.calls.append(handler)
            return inbox.serving == 0 && inbox.blocked > 0
        }
        if waking { wake() }
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

    /// Watches `connection`'s socket for `events` (0: leaves the set), armed for one readiness.
    func watch(_ connection: Connection, for events: UInt32) {
        let fd = connection.fd
        var event = epoll_event()
        event.events = events | EPOLLONESHOT.rawValue
        event.data.fd = fd
        if events == 0 {
            guard connection.registered else { return }
            _ = epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &event)
            connections[fd] = nil
            connection.registered = false
        } else if !connection.registered {
            connections[fd] = connection
            _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event)
            connection.registered = true
        } else if connection.armed != events {
            _ = epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &event)
        }
        connection.armed = events
    }

    private func run() {
        pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Self.batch)
        defer { events.deallocate() }
        var serving = true
        while true {
            let (work, handlers, stopped) = inbox.withLock { inbox in
                var work: [@Sendable () -> Void] = []
                var handlers: [@Sendable () -> Void] = []
                guard !inbox.stopped else { return (work, handlers, true) }
                swap(&work, &inbox.work)
                swap(&handlers, &inbox.calls)
                let idle = work.isEmpty && handlers.isEmpty
                if serving && idle { inbox.serving -= 1 } else if !serving && !idle { inbox.serving += 1 }
                serving = !idle
                if idle { inbox.blocked += 1 }
                return (work, handlers, inbox.stopped)
            }
            if stopped { break }
            // Blocks only when nothing was waiting; handed-over work is run with the batch.
            let count = epoll_wait(epfd, events, Int32(Self.batch), serving ? 0 : -1)
            if !serving {
                inbox.withLock { inbox in
                    inbox.blocked -= 1
                    inbox.serving += 1
                }
                serving = true
            }
            guard count > 0 || !work.isEmpty || !handlers.isEmpty else { continue }
            var batchCalls = handlers
            queue.sync {
                calls = []
                // Answers first: a connection whose answer is out reads its next request below.
                for item in work { item() }
                handle(events, Int(max(0, count)))
                batchCalls += calls!
                calls = nil
            }
            guard !batchCalls.isEmpty else { continue }
            // The one request of a batch, while the other thread waits for sockets: its
            // handler may block. Otherwise handlers hand their work on and this thread serves on.
            let mayBlock = batchCalls.count == 1 && inbox.withLock { inbox in
                guard inbox.blocked == Self.threadCount - 1 else { return false }
                inbox.serving -= 1
                return true
            }
            guard mayBlock else {
                for handler in batchCalls { handler() }
                continue
            }
            serving = false
            pthread_setspecific(Self.mayBlockKey, UnsafeRawPointer(bitPattern: 1))
            batchCalls[0]()
            pthread_setspecific(Self.mayBlockKey, nil)
        }
        // The others may be asleep: each thread that ends wakes the next, before it counts
        // itself out (the last one closes the eventfd).
        wake()
        let last = inbox.withLock { inbox in
            if serving { inbox.serving -= 1 }
            inbox.running -= 1
            return inbox.running == 0
        }
        guard last else { return }
        close(wakeFD)
        close(settleFD)
        close(epfd)
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
            // Delivered once: disarmed until `watch` arms it again.
            connection.armed = 0
            connection.ready(event.events)
            if connection.registered, connection.armed == 0, connection.watched != 0 {
                watch(connection, for: connection.watched)
            }
        }
    }
}
