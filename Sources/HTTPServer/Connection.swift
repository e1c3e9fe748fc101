#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HTTP1
import Synchronization

/// What a connection needs from its server, without a reference cycle to it.
struct ConnectionContext: Sendable {
    let configuration: ServerConfiguration
    let handler: HTTPServer.Handler
    let reportProtocolError: @Sendable (Int, String) -> Void
    let closed: @Sendable (Connection) -> Void
}

/// One client connection. Every mutable field is touched only on `queue`, its event loop's
/// serial queue, except the atomics `socket` and `inputWaiting`; that is what makes the
/// `@unchecked Sendable` sound.
///
/// One request is handled at a time: pipelined requests wait in the parser and are answered in
/// order, and past a budget reading stops (the socket leaves the loop's epoll interest), so a
/// client that floods the socket meets TCP back-pressure instead of our memory.
final class Connection: @unchecked Sendable {
    enum Phase { case open, lingering, closed }
    enum Deadline { case none, waiting, head, body, writeStall, linger }

    struct InFlight {
        let serial: UInt64
        let method: HTTPMethod
        let version: HTTPVersion
        let keepAlive: Bool
    }

    let fd: Int32
    let loop: EventLoop
    var queue: DispatchQueue { loop.queue }
    let context: ContextBox
    var configuration: ServerConfiguration { context.value.configuration }

    var parser: RequestParser
    let timer: DispatchSourceTimer
    var readActive = false
    var writeActive = false
    /// The events the loop's epoll set watches this socket for (0: not in the set).
    var watched: UInt32 = 0

    var phase = Phase.open
    var deadline = Deadline.none
    /// When `deadline` expires, and when the timer source is set to fire; see `arm`.
    var deadlineAt = DispatchTime.distantFuture
    var timerAt = DispatchTime.distantFuture
    var inFlight: InFlight? {
        didSet {
            if (oldValue == nil) != (inFlight == nil) { loop.requestsInFlight += inFlight == nil ? -1 : 1 }
        }
    }
    var serial: UInt64 = 0
    var servedRequests = 0
    var headStarted = false
    /// When the connection last fell idle between requests (or opened); see `idleSince`.
    var waitingSince = DispatchTime.now()
    var outbox: [UInt8] = []
    var outOffset = 0
    /// The body being streamed after the head (see `BodyStream`), and whether it is chunked.
    var streaming: BodyStream?
    var streamChunked = true
    var closeAfterWrite = false
    var lingerAfterWrite = false
    var peerClosed = false
    var shuttingDown = false
    /// Closed while its handler was still at work: the connection keeps its place among the
    /// server's connections until the answer comes (and is dropped), so clients that send and
    /// hang up cannot pile up work behind `maxConnections`.
    var answerOwed = false

    /// Who may use the socket (see `writeAhead`): `open` for the loop; `writing` while the
    /// thread that answered writes its answer (the loop closes the fd only after); `closed`;
    /// `closing` once the server shuts down (answers then go through the loop, which closes).
    enum SocketUse: UInt8, AtomicRepresentable { case open, writing, closing, closed }
    let socket = Atomic<SocketUse>(.open)
    /// The loop has input (or the end of it) to act on once the request in flight ends.
    let inputWaiting = Atomic<Bool>(false)

    /// Boxed so the queue-confined class holds one immutable reference.
    final class ContextBox: Sendable {
        let value: ConnectionContext
        init(_ value: ConnectionContext) { self.value = value }
    }

    init(fd: Int32, loop: EventLoop, context: ConnectionContext) {
        self.fd = fd
        self.loop = loop
        self.context = ContextBox(context)
        parser = RequestParser(
            maxHeaderBytes: context.configuration.maxHeaderBytes, maxBodyBytes: context.configuration.maxBodyBytes,
            spooledLimit: context.configuration.spooledBodies)
        timer = DispatchSource.makeTimerSource(queue: loop.queue)
    }

    /// Starts reading. Past the connection limit, `makeRoom` (on the loop's queue) closes an
    /// idle connection; when it finds none, this one is answered 503 and closed.
    func start(makeRoom: (@Sendable (Connection) -> Bool)?) {
        queue.async { [self] in
            Socket.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            timer.setEventHandler { [self] in timerFired() }
            timer.resume()
            if let makeRoom, !makeRoom(self) {
                reject(.serviceUnavailable, "too many connections")
            } else {
                processInput()
            }
        }
    }

    /// Since when the connection has been idle (waiting between requests, or closing), nil
    /// while a request is in progress. Read on the loop's queue.
    var idleSince: DispatchTime? {
        switch phase {
        case .closed: return nil
        case .lingering: return DispatchTime(uptimeNanoseconds: 0)
        case .open: return deadline == .waiting && inFlight == nil && outbox.isEmpty && streaming == nil ? waitingSince : nil
        }
    }

    /// `idleSince` for a connection the server may close to make room: not before its first
    /// answer, since a client that has just connected is about to send a request, and unlike
    /// a reused keep-alive connection's, a fresh one's failure is not retried by HTTP clients
    /// (a silent one meets `headerTimeout`).
    var idleKeepAliveSince: DispatchTime? {
        phase == .open && servedRequests == 0 ? nil : idleSince
    }

    /// Parses what is buffered and acts on it; resumes reading when more bytes are needed.
    func processInput() {
        guard phase == .open, inFlight == nil, outbox.isEmpty, streaming == nil else { return }
        while let event = parser.next() {
            switch event {
            case .expectContinue:
                // Paused until the 100 is out, so a stalled write cannot let input pile up.
                setReading(false)
                outbox = ResponseSerializer.continueResponse
                outOffset = 0
                guard flush() else { return }
            case .request(let request):
                dispatch(request)
                return
            case .failure(let error):
                reject(error.status, error.reason)
                return
            }
        }
        if peerClosed || (shuttingDown && parser.stage == .idle) {
            closeNow()
            return
        }
        setReading(true)
        armReadDeadline()
    }

    private func dispatch(_ request: HTTPRequest) {
        disarm()
        headStarted = false
        serial &+= 1
        let current = InFlight(
            serial: serial, method: request.method, version: request.version, keepAlive: request.keepAlive)
        inFlight = current
        inputWaiting.store(parser.hasBufferedBytes || peerClosed, ordering: .relaxed)
        let handler = context.value.handler
        // Called at once on the loop's queue, or, when this is the only request in flight,
        // by the loop's thread once the batch is done, outside the queue, where the handler
        // may run its transaction (see `EventLoop.call`).
        loop.call { [self] onQueue in
            // An answer given before the handler returns is written after it returns: by then
            // the handler has let go of what it held (the database, when it ran there).
            let answer = InlineAnswer()
            loop.covered {
                handler(request) { [self] response in
                    guard !answer.capture(response) else { return }
                    deliver(response, for: current)
                }
            }
            guard let response = answer.close() else { return }
            // Written and its end booked at once, so the loop has nothing left to do for it.
            if onQueue {
                respond(to: current.serial, with: response)
            } else {
                queue.sync { respond(to: current.serial, with: response) }
            }
        }
    }

    /// Writes the answer from this thread when it is plain and this is a loop thread (or the
    /// loop sleeps), so the client has it without waiting for the loop; else hands it to the loop.
    private func deliver(_ response: HTTPResponse, for current: InFlight) {
        if !writeAhead(response, for: current) {
            loop.execute { self.respond(to: current.serial, with: response) }
        }
    }

    /// On the answering thread, when it is a loop thread (outside the loop's queue) or the
    /// loop sleeps: writes a plain keep-alive answer (no stream, no close, no connection
    /// action) as far as the socket takes it and hands the rest, and the request's end, to the
    /// loop; false when the loop must write it all (and decide on the connection). The request
    /// is in flight meanwhile, so the loop writes nothing, and `socket` keeps it from closing
    /// the fd. The loop need not wake for the end unless it has input waiting or bytes to
    /// write: the client's next request wakes it (see `EventLoop.execute`). Atomics, not a
    /// lock: a lock held across the `send` was contended. Another thread (a Dispatch worker of
    /// the database queue) leaves the answer to an awake loop: a `send` there (the kernel
    /// delivering to the client, often switching to it) cost a fifth of the throughput at 64
    /// connections.
    private func writeAhead(_ response: HTTPResponse, for current: InFlight) -> Bool {
        guard loop.isLoopThread || loop.isAsleep, current.keepAlive, response.stream == nil, response.connectionAction == .normal,
            !response.headers.contains("Connection", value: "close")
        else { return false }
        let bytes = ResponseSerializer.serialize(
            response, requestMethod: current.method, requestVersion: current.version, keepAlive: true,
            extraHeaders: configuration.extraHeaders)
        guard socket.compareExchange(expected: .open, desired: .writing, ordering: .acquiring).exchanged else {
            return false
        }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                // A full socket buffer or an error: the loop's `flush` waits or closes.
                break
            }
        }
        // Back to `open`: whoever would close or shut down waits for this.
        socket.store(.open, ordering: .releasing)
        let rest = bytes[offset...]
        // Asked under the loop's lock: input the loop reads meanwhile is either seen here or
        // finds this in the loop's inbox before the loop sleeps.
        loop.execute(canWait: { rest.isEmpty && !inputWaiting.load(ordering: .relaxed) }) {
            self.written(current.serial, rest: rest)
        }
        return true
    }

    /// On the loop: the answer to request `serial` went out from the answering thread but for
    /// `rest`; finishes it as `respond` would.
    private func written(_ serial: UInt64, rest: ArraySlice<UInt8>) {
        guard phase == .open, let current = inFlight, current.serial == serial else { return answerCameLate(serial) }
        inFlight = nil
        servedRequests += 1
        closeAfterWrite = false
        outbox = Array(rest)
        outOffset = 0
        if flush() { writeDrained() }
    }

    /// Writes the handler's answer; a second or late answer (after a close) is ignored.
    private func respond(to serial: UInt64, with response: HTTPResponse) {
        guard phase == .open, let current = inFlight, current.serial == serial else {
            // Its producer may hold resources until it ends or is cancelled.
            response.stream?.cancel()
            return answerCameLate(serial)
        }
        inFlight = nil
        servedRequests += 1
        switch response.connectionAction {
        case .normal:
            break
        case .reset:
            // SO_LINGER with a zero timeout turns close() into an abortive RST.
            var abort = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
            closeNow()
            return
        case .closeWithoutResponse:
            closeNow()
            return
        }
        let asksToClose = response.headers.contains("Connection", value: "close")
        // HTTP/1.0 has no chunks: a streamed body there ends when the connection does.
        let closeDelimited = response.stream != nil && current.version == .http10
        let keepAlive = current.keepAlive && !shuttingDown && !asksToClose && !closeDelimited
        closeAfterWrite = !keepAlive
        outbox = ResponseSerializer.serialize(
            response, requestMethod: current.method, requestVersion: current.version, keepAlive: keepAlive,
            extraHeaders: configuration.extraHeaders)
        outOffset = 0
        if let stream = response.stream {
            if current.method == .HEAD || [204, 304].contains(response.status.code) {
                stream.cancel()
            } else {
                streaming = stream
                streamChunked = !closeDelimited
            }
        }
        if flush() { writeDrained() }
    }

    /// The answer to request `serial` came after the connection closed: if it was the one
    /// owed, the connection now leaves the server.
    private func answerCameLate(_ serial: UInt64) {
        guard phase == .closed, answerOwed, serial == self.serial else { return }
        answerOwed = false
        context.value.closed(self)
    }

    /// Asks the stream for its next part once the previous one is written.
    private func pullStream(_ stream: BodyStream) {
        stream.next { [self] part in
            queue.async { self.received(part) }
        }
    }

    private func received(_ part: BodyStream.Part) {
        guard phase == .open, let stream = streaming else { return }
        switch part {
        case .bytes(let bytes):
            // An empty chunk would read as the last one.
            guard !bytes.isEmpty else { return pullStream(stream) }
            outbox = streamChunked ? BodyStream.chunk(bytes) : bytes
        case .end:
            streaming = nil
            outbox = streamChunked ? BodyStream.lastChunk : []
        case .failed:
            streaming = nil
            closeNow()
            return
        }
        outOffset = 0
        if flush() { writeDrained() }
    }

    /// Answers a status the server decides itself (parse errors, timeouts, 503), then closes.
    func reject(_ status: HTTPStatus, _ reason: String) {
        context.value.reportProtocolError(status.code, reason)
        let response = HTTPResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array("\(status.code) \(status.reason): \(reason)\n".utf8))
        closeAfterWrite = true
        lingerAfterWrite = true
        outbox = ResponseSerializer.serialize(
            response, keepAlive: false, extraHeaders: configuration.extraHeaders)
        outOffset = 0
        if flush() { writeDrained() }
    }

    func writeDrained() {
        guard phase == .open else { return }
        if let stream = streaming { return pullStream(stream) }
        guard closeAfterWrite else {
            processInput()
            return
        }
        // Closing with unread bytes makes the kernel send RST, which can destroy the answer
        // before the client reads it; so when the client may still be sending, linger first.
        if lingerAfterWrite || parser.hasBufferedBytes { startLinger() } else { closeNow() }
    }

    /// Server shutdown: idle connections close now, busy ones after their response.
    func beginShutdown() {
        shuttingDown = true
        // Answers given from now on go through the loop, which adds `Connection: close`.
        claimSocket(.closing)
        if phase == .lingering || (phase == .open && inFlight == nil && outbox.isEmpty && streaming == nil) { closeNow() }
    }

    func armReadDeadline() {
        switch parser.stage {
        case .idle:
            headStarted = false
            // Counted from when the connection fell idle: the empty lines the parser skips
            // before a request line must not keep extending it.
            guard deadline != .waiting else { return }
            waitingSince = .now()
            arm(.waiting, after: servedRequests == 0 ? configuration.headerTimeout : configuration.idleTimeout)
        case .head:
            // Measured from the head's first byte and never extended: a trickle cannot keep it alive.
            guard !headStarted else { return }
            headStarted = true
            arm(.head, after: configuration.headerTimeout)
        case .body:
            // One deadline for the whole body, from the end of its head: a trickle of bytes
            // cannot keep the connection (and its slot) forever.
            guard deadline != .body else { return }
            arm(.body, after: configuration.bodyTimeout)
        }
    }

    /// Rescheduling a Dispatch timer is a trip through libdispatch's manager thread, and a
    /// keep-alive connection re-arms twice per request; so the timer is only ever moved
    /// earlier, and a firing that finds a later deadline sets it again.
    func arm(_ kind: Deadline, after seconds: Double) {
        deadline = kind
        deadlineAt = .now() + max(0, seconds)
        if deadlineAt < timerAt {
            timerAt = deadlineAt
            timer.schedule(deadline: deadlineAt)
        }
    }

    func disarm() {
        deadline = .none
    }

    private func timerFired() {
        timerAt = .distantFuture
        guard phase != .closed, deadline != .none else { return }
        if DispatchTime.now() < deadlineAt {
            timerAt = deadlineAt
            timer.schedule(deadline: deadlineAt)
            return
        }
        switch deadline {
        case .none: return
        case .waiting, .writeStall, .linger: closeNow()
        case .head, .body:
            setReading(false)
            disarm()
            reject(.requestTimeout, "the request was not received in time")
        }
    }
}
