#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import HTTP1

/// An HTTP/1.1 server on POSIX sockets and Dispatch.
///
/// Concurrency model: event-driven, no thread per connection. One serial event-loop queue
/// owns an epoll set of all connection sockets, waited on by a thread of the loop's own (see
/// `EventLoop`). The handler of a request read while no other is in flight is called by that
/// thread outside the queue and may block briefly (the sandbox runs its transaction there),
/// while a cover thread serves the sockets; every other handler is called on the queue and
/// must not block. Through a Dispatch read source every readiness had been a round trip
/// through libdispatch's manager thread, three wake-ups per request at one connection; then a
/// loop thread still woke a database thread per request. Answers given on another thread are
/// written from there (see `Connection.writeAhead`). One loop, not one per core: transactions
/// run one at a time, so the loop beside the database's queue keeps both cores busy. The loop
/// is a serial queue because those draw on Dispatch's overcommit pool: a width-limited
/// concurrent target starves for up to a second whenever pool threads block (Swift
/// concurrency's cooperative threads on Linux come from that same pool). Handlers may answer
/// later from any thread through their `Responder`, so long-polls hold no thread. A single
/// serial queue accepts connections.
public final class HTTPServer: @unchecked Sendable {
    public typealias Responder = @Sendable (HTTPResponse) -> Void
    /// The handler is called once per request, on one of the loop's threads, and must call
    /// `respond` exactly once, possibly later from another thread (long-polls must not hold a
    /// thread). It may block briefly when `callerMayBlock` says so, never for long.
    public typealias Handler = @Sendable (HTTPRequest, @escaping Responder) -> Void

    /// Asked by a handler, before it returns: whether it may block briefly (its request is the
    /// only one in flight, and the loop's cover thread serves the sockets meanwhile).
    public static var callerMayBlock: Bool { EventLoop.callerMayBlock }

    private enum State { case idle, running, stopped }

    private let configuration: ServerConfiguration
    private let handler: Handler
    /// Guards every field below; its condition signals connections closing.
    private let lock = NSCondition()
    private var state = State.idle
    private var connections: [ObjectIdentifier: Connection] = [:]
    private var acceptSource: DispatchSourceRead?
    private var listenClosed: DispatchSemaphore?
    private var protocolErrorHandler: (@Sendable (_ status: Int, _ reason: String) -> Void)?
    private let acceptQueue = DispatchQueue(label: "HTTPServer.accept")
    private var loop: EventLoop?
    private var address: SocketAddress?

    public init(configuration: ServerConfiguration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Called for requests the server answers itself (400/408/413/431/501/503/505): for the access log.
    public var onProtocolError: (@Sendable (_ status: Int, _ reason: String) -> Void)? {
        get { locked { protocolErrorHandler } }
        set { locked { protocolErrorHandler = newValue } }
    }

    public var connectionCount: Int { locked { connections.count } }

    /// Connections inside a request (its first bytes read, its answer not yet written): the
    /// ones a newcomer at `maxConnections` cannot displace. Asked on the loop's queue, which
    /// owns the connections' state.
    public var connectionsInsideRequests: Int {
        guard let loop = locked({ loop }) else { return 0 }
        let open = locked { Array(connections.values) }
        return loop.queue.sync {
            loop.runHandedOver()
            return open.filter { $0.phase == .open && $0.idleSince == nil }.count
        }
    }

    /// The address the listening socket is bound to (`getsockname`), once started.
    public var boundAddress: SocketAddress? { locked { address } }

    /// Binds and listens; returns the bound port.
    public func start() throws -> Int {
        try locked { () throws(ServerError) in
            guard state == .idle else { throw ServerError("the server was already started") }
            let (fd, bound) = try Socket.listen(host: configuration.host, port: configuration.port)
            do throws(ServerError) {
                loop = try EventLoop(label: "HTTPServer.loop")
            } catch {
                close(fd)
                throw error
            }
            let closed = DispatchSemaphore(value: 0)
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: acceptQueue)
            source.setEventHandler { [self] in acceptAll(listener: fd) }
            source.setCancelHandler {
                close(fd)
                closed.signal()
            }
            source.resume()
            acceptSource = source
            listenClosed = closed
            address = bound
            state = .running
            return bound.port
        }
    }

    /// Stops accepting, lets in-flight requests finish (up to `timeout` seconds), closes all
    /// connections, then returns.
    public func shutdown(timeout: Double = 5) {
        let source: DispatchSourceRead? = locked {
            guard state == .running else { return nil }
            state = .stopped
            return acceptSource
        }
        guard let source else { return }
        // On the accept queue, so no accept is half-way through registering a connection.
        acceptQueue.sync { source.cancel() }
        _ = listenClosed?.wait(timeout: .now() + 2)
        for connection in locked({ Array(connections.values) }) {
            connection.queue.async { connection.beginShutdown() }
        }
        if !waitForConnections(until: Date(timeIntervalSinceNow: max(0, timeout))) {
            for connection in locked({ Array(connections.values) }) {
                connection.queue.async { connection.closeNow() }
            }
            _ = waitForConnections(until: Date(timeIntervalSinceNow: 2))
        }
        loop?.stop()
    }

    private func acceptAll(listener: Int32) {
        while locked({ state == .running }) {
            let fd = Socket.accept(listener)
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: the pending connection stays readable, so pause
                    // instead of spinning until some close.
                    guard let source = locked({ acceptSource }) else { return }
                    source.suspend()
                    acceptQueue.asyncAfter(deadline: .now() + 0.1) { [self] in locked { acceptSource }?.resume() }
                    return
                default: return
                }
            }
            guard let loop = locked({ loop }) else {
                close(fd)
                return
            }
            let connection = Connection(fd: fd, loop: loop, context: context)
            let full = locked {
                let full = connections.count >= configuration.maxConnections
                connections[ObjectIdentifier(connection)] = connection
                return full
            }
            if full {
                connection.start { [weak self] newcomer in self?.closeLongestIdle(besides: newcomer) ?? false }
            } else {
                connection.start(makeRoom: nil)
            }
        }
    }

    /// Closes the connection idle the longest to make room for `newcomer`; false when every
    /// other one is inside a request. Runs on the loop's queue, which owns every connection's
    /// state (there is one loop).
    private func closeLongestIdle(besides newcomer: Connection) -> Bool {
        newcomer.loop.runHandedOver()
        let idle = locked { connections.values.filter { $0 !== newcomer } }.compactMap { connection in
            connection.idleKeepAliveSince.map { (connection, $0) }
        }
        // One whose client has sent a request the loop has not read yet is not idle: closing
        // it would lose that request (and reset the connection, answer unsent).
        guard let longest = idle.sorted(by: { $0.1 < $1.1 }).first(where: { !$0.0.hasUnreadInput }) else {
            return false
        }
        longest.0.closeNow()
        return true
    }

    private var context: ConnectionContext {
        ConnectionContext(
            configuration: configuration,
            handler: handler,
            reportProtocolError: { [weak self] status, reason in
                self?.onProtocolError?(status, reason)
            },
            closed: { [weak self] connection in
                self?.locked {
                    self?.connections[ObjectIdentifier(connection)] = nil
                    self?.lock.broadcast()
                }
            })
    }

    /// Waits until every connection has closed; false on timeout.
    private func waitForConnections(until deadline: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while !connections.isEmpty {
            if !lock.wait(until: deadline) { return connections.isEmpty }
        }
        return true
    }

    private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
