#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch
import Foundation
import Synchronization

/// One epoll set per event loop, waited on by a thread of the loop's own, which handles each
/// batch of ready sockets inside `queue.sync`: all connection state stays confined to the
/// loop's serial queue (its timers and the odd `queue.async` run there too), while a socket
/// becoming ready costs one wake-up. Through a Dispatch read source on the set it cost three:
/// libdispatch's manager thread (the only one in `epoll_wait` on Linux) woke, handed the
/// source to a worker thread, and was asked again to re-arm it (callgrind and `perf` at one
/// connection: 4.8 context switches per request against nginx's 1, 40 % of the CPU in them).
///
/// Other threads hand the loop work with `execute` (answers from the database queue): a list
/// under a lock that the loop takes before each wait. Only when the loop sleeps does it need
/// waking: at once (an eventfd in the set) for work that cannot wait, or, for bookkeeping that
/// can (an answer already written by the answering thread: the client's next request wakes
/// the loop anyway), by a timerfd `settleDelay` later at the latest, so at one connection a
/// request costs the loop one wake-up, like nginx, and a busy loop is never woken.
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
    /// Written to wake the loop's thread from `epoll_wait` when work is handed to it.
    private let wakeFD: Int32
    /// Armed to wake it `settleDelay` later, for work that can wait.
    private let settleFD: Int32
    /// Confined to `queue`.
    private var connections: [Int32: Connection] = [:]
    /// Only the loop's thread touches it.
    private let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: EventLoop.batch)

    private struct Inbox {
        var work: [@Sendable () -> Void] = []
        /// Whether the loop's thread is (about to be) in a blocking `epoll_wait`.
        var sleeping = false
        /// Whether `settleFD` is armed.
        var settling = false
        var stopped = false
    }
    private let inbox = Mutex(Inbox())

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
            event.events = EPOLLIN.rawValue
            event.data.fd = fd
            _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event)
        }
        let thread = Thread { [self] in run() }
        thread.name = label
        thread.start()
    }

    /// Ends the loop's thread, which then closes the epoll set; connections must all be closed.
    func stop() {
        inbox.withLock { $0.stopped = true }
        wake()
    }

    /// Runs `work` on the loop's queue, after the batch in hand: from any thread, for the
    /// answers that come back from elsewhere. Work that `canWait` (asked under the lock the
    /// loop takes before it sleeps) runs within `settleDelay` if nothing wakes the loop first.
    func execute(canWait: () -> Bool = { false }, _ work: @escaping @Sendable () -> Void) {
        enum Waking { case none, now, soon }
        let waking = inbox.withLock { inbox -> Waking in
            inbox.work.append(work)
            guard inbox.sleeping else { return .none }
            if !canWait() {
                inbox.sleeping = false
                return .now
            }
            guard !inbox.settling else { return .none }
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

    /// Whether the loop's thread waits for events with nothing to do: work handed over then
    /// costs it a wake-up.
    var isAsleep: Bool { inbox.withLock { $0.sleeping } }

    /// On the loop's queue, from work that did not come through the loop's thread (accepting,
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

    private func run() {
        while true {
            let (work, stopped) = inbox.withLock { inbox in
                var work: [@Sendable () -> Void] = []
                swap(&work, &inbox.work)
                inbox.sleeping = work.isEmpty
                return (work, inbox.stopped)
            }
            if stopped { break }
            // Blocks only when no work was waiting; handed-over work is run with the batch.
            let count = epoll_wait(epfd, events, Int32(Self.batch), work.isEmpty ? -1 : 0)
            inbox.withLock { $0.sleeping = false }
            guard count > 0 || !work.isEmpty else { continue }
            queue.sync {
                // Answers first: a connection whose answer is out reads its next request below.
                for item in work { item() }
                handle(Int(max(0, count)))
            }
        }
        close(wakeFD)
        close(settleFD)
        close(epfd)
        events.deallocate()
    }

    private func handle(_ count: Int) {
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
