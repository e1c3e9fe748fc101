#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch

/// One epoll set per event loop, watched by a single Dispatch read source on the loop's
/// serial queue. On Linux, libdispatch's manager thread is the only one in `epoll_wait`, and
/// every source event (and every re-arm) is a round trip through it; with one source for all
/// connections that round trip is paid once per batch of ready sockets, not once per socket.
/// The handler collects the batch with a non-blocking `epoll_wait` and calls each connection
/// inline. Interest is level-triggered; a connection that wants neither reading nor writing
/// is removed from the set, so a hung-up socket it is not watching cannot spin the loop.
/// Everything here, like all connection state, is confined to `queue`.
final class EventLoop: @unchecked Sendable {
    static let batch = 256

    let queue: DispatchQueue
    private let epfd: Int32
    private var source: DispatchSourceRead?
    private var connections: [Int32: Connection] = [:]
    private let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: EventLoop.batch)

    init(label: String) throws(ServerError) {
        queue = DispatchQueue(label: label)
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epfd >= 0 else { throw ServerError.system("cannot create an epoll set", errno) }
        let source = DispatchSource.makeReadSource(fileDescriptor: epfd, queue: queue)
        source.setEventHandler { [self] in poll() }
        let epfd = epfd
        let events = events
        source.setCancelHandler {
            close(epfd)
            events.deallocate()
        }
        self.source = source
        source.resume()
    }

    /// Closes the epoll set once the source is gone; connections must all be closed.
    func stop() {
        queue.async { [self] in
            source?.cancel()
            source = nil
        }
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

    private func poll() {
        while true {
            let count = epoll_wait(epfd, events, Int32(Self.batch), 0)
            guard count > 0 else { return }
            for index in 0..<Int(count) {
                let event = events[index]
                // A connection closed earlier in this batch is gone from the map (and its fd
                // cannot be reused for a registered connection before the batch ends).
                guard let connection = connections[event.data.fd] else { continue }
                connection.ready(event.events)
            }
            if count < Self.batch { return }
        }
    }
}
