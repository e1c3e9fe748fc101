#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch
import Synchronization

/// Socket I/O for a connection: non-blocking reads and writes driven by the event loop's
/// epoll set, and the close paths, which all end in `closeNow`.
extension Connection {
    static let readChunk = 64 * 1024
    /// Per event, so one fast client cannot monopolise a worker thread.
    static let readBudget = 256 * 1024
    /// Input buffered behind a request being answered before reading pauses.
    static let pipelineBudget = 256 * 1024

    /// Reading stays on while a request is answered (toggling epoll interest for every request
    /// costs two `epoll_ctl` calls); pipelined input
    /// waits in the parser, and past `pipelineBudget` reading pauses until the answer is out,
    /// which leaves the client to TCP back-pressure.
    func readable() {
        guard phase != .closed else { return }
        if phase == .open, inFlight != nil || !outbox.isEmpty || streaming != nil,
            parser.bufferedByteCount >= Self.pipelineBudget
        {
            setReading(false)
            return
        }
        var total = 0
        loop: while total < Self.readBudget {
            let buffer = loop.readBuffer.bytes
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 && phase == .open { parser.feed(UnsafeBufferPointer(rebasing: buffer[..<count])) }
            if count > 0 {
                total += count
                // A short read drained the socket: skip the recv that would only say EAGAIN
                // (one syscall per request); level-triggered epoll reports it again if more arrives.
                if count < Self.readChunk { break }
                continue
            }
            if count == 0 {
                peerClosed = true
                setReading(false)
                break
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: break loop
            default:
                closeNow()
                return
            }
        }
        if phase == .lingering {
            if peerClosed { closeNow() }
            return
        }
        // Input behind a request in flight: its end must wake the loop (see `writeAhead`).
        if inFlight != nil, total > 0 || peerClosed { inputWaiting.store(true, ordering: .relaxed) }
        processInput()
    }

    /// Sends what is left of `outbox`; true once it is all written. A response normally goes
    /// out in one `send`; only a full socket buffer splits it, and EPOLLOUT resumes it.
    func flush() -> Bool {
        while outOffset < outbox.count {
            let sent = outbox.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + outOffset, raw.count - outOffset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outOffset += sent
                continue
            }
            let error = errno
            if sent < 0 && error == EINTR { continue }
            if sent < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                setWriting(true)
                arm(.writeStall, after: configuration.idleTimeout)
                return false
            }
            closeNow()
            return false
        }
        outbox = []
        outOffset = 0
        setWriting(false)
        // A stall is over once the client has taken everything; a streamed body goes on
        // without passing through `processInput`, which would arm the next deadline.
        if deadline == .writeStall { disarm() }
        return phase == .open
    }

    func writable() {
        guard phase == .open else { return }
        if flush() { writeDrained() }
    }

    /// Half-closes our side and discards input until the client closes or a short time passes.
    func startLinger() {
        phase = .lingering
        shutdown(fd, Int32(SHUT_WR))
        if peerClosed {
            closeNow()
            return
        }
        setReading(true)
        arm(.linger, after: min(2, max(0.1, configuration.idleTimeout)))
    }

    /// Whether bytes wait in the socket that the loop has not read yet.
    var hasUnreadInput: Bool {
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 && count > 0
    }

    /// Leaves the epoll set before closing, so the fd number can be reused safely. A request
    /// in flight keeps the connection counted until its answer comes (`answerOwed`).
    func closeNow() {
        guard phase != .closed else { return }
        phase = .closed
        // Not once the server shuts down: it gives up on answers past its timeout.
        answerOwed = inFlight != nil && !shuttingDown
        inFlight = nil
        if let stream = streaming {
            streaming = nil
            stream.cancel()
        }
        timer.cancel()
        readActive = false
        writeActive = false
        loop.update(self, from: watched, to: 0)
        watched = 0
        claimSocket(.closed)
        close(fd)
        if !answerOwed { context.value.closed(self) }
    }

    /// Moves `socket` to `use` once no answer is being written from another thread (a
    /// non-blocking `send`, so the wait is short); only that writer leaves `writing`.
    func claimSocket(_ use: SocketUse) {
        while true {
            let current = socket.load(ordering: .acquiring)
            if current == .writing { continue }
            if current == .closed { return }
            if socket.compareExchange(expected: current, desired: use, ordering: .acquiringAndReleasing).exchanged { return }
        }
    }

    /// Called by the loop with the epoll events that fired. A hang-up or error goes to
    /// whichever side is watched: `recv` or `send` then reports it.
    func ready(_ events: UInt32) {
        let failed = events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
        if readActive, failed || events & EPOLLIN.rawValue != 0 { readable() }
        if writeActive, failed || events & EPOLLOUT.rawValue != 0 { writable() }
    }

    func setReading(_ active: Bool) {
        guard phase != .closed, active != readActive, !(active && peerClosed) else { return }
        readActive = active
        watch()
    }

    func setWriting(_ active: Bool) {
        guard phase != .closed, active != writeActive else { return }
        writeActive = active
        watch()
    }

    private func watch() {
        let events = (readActive ? EPOLLIN.rawValue : 0) | (writeActive ? EPOLLOUT.rawValue : 0)
        loop.update(self, from: watched, to: events)
        watched = events
    }
}

/// An event loop's buffer for `recv`, which its connections share: they read on the loop's
/// queue, one at a time, and the parser copies what it needs. 64 KiB is too large for the
/// stack, and a heap allocation per read cost ~800 instructions a request.
final class ReadBuffer: @unchecked Sendable {
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Connection.readChunk)
    deinit { bytes.deallocate() }
}
