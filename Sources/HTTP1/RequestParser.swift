#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental HTTP/1.x request parser over bytes; it never sees a socket.
///
/// Feed bytes as they arrive with `feed(_:)`, then call `next()` until it returns `nil`
/// (more bytes needed). Events come strictly in order, so pipelined requests are yielded one
/// after the other. After a `.failure` the parser stays failed: the connection must answer
/// the error's status and close, because the framing of what follows is unknown.
///
/// Line endings: CRLF, or a bare LF (RFC 9112 §2.2 allows recognising it); a bare CR is
/// rejected because parsers that disagree about it enable request smuggling.
public struct RequestParser: Sendable {
    public enum Event: Sendable {
        case request(HTTPRequest)
        /// The head of a request with `Expect: 100-continue` is in, its declared body is within
        /// the limit and none of it has arrived yet: the server may now write `100 Continue`.
        case expectContinue
        case failure(RequestParseError)
    }

    /// Where the parser is inside the current request; the server picks its timeout by it.
    public enum Stage: Sendable, Equatable {
        /// Between requests: no byte of the next one is buffered.
        case idle
        case head
        case body
    }

    public let maxHeaderBytes: Int
    public let maxBodyBytes: Int
    /// Picks, by a request's head, the requests whose bodies go to a file (`SpooledBody`)
    /// rather than memory, and their limit, which replaces `maxBodyBytes`; nil: memory. Asked
    /// only of requests that declare a body (`Content-Length` or `Transfer-Encoding`).
    public let spooledLimit: (@Sendable (HTTPRequest) -> Int?)?

    var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    var index = 0
    var state: State = .head
    /// Head scanning survives between feeds so byte-at-a-time input stays linear.
    var headScan = 0
    var headLineStart = 0
    var headLines: [Range<Int>] = []
    /// The request whose body is being read.
    var pending: HTTPRequest?
    var trailerBytes = 0
    /// Chunk-size lines (with extensions) of the body being read, which count against a cap
    /// of their own: only data counts against `maxBodyBytes`.
    var chunkFramingBytes = 0
    /// The limit of the body being read: `maxBodyBytes`, or the one `spooledLimit` chose.
    var bodyLimit = 0
    /// Where the body being read goes, when `spooledLimit` chose a file for it.
    var spool: SpooledBody?

    enum State: Sendable {
        case head
        case fixedBody(length: Int)
        case chunkSize
        case chunkData(size: Int)
        case trailers
        case failed
    }

    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024,
        spooledLimit: (@Sendable (HTTPRequest) -> Int?)? = nil
    ) {
        // Clamped so offset arithmetic (`index + limit`) cannot overflow whatever is configured.
        self.maxHeaderBytes = min(max(0, maxHeaderBytes), 1 << 40)
        self.maxBodyBytes = min(max(0, maxBodyBytes), 1 << 40)
        self.spooledLimit = spooledLimit
    }

    /// Bytes received and not yet consumed.
    public var bufferedByteCount: Int { buffer.count - index }

    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if case .failed = state { return }
        buffer.append(contentsOf: bytes)
    }

    /// What the server feeds from its read buffer: one copy, without the generic `Sequence`
    /// path (unspecialised across modules, it cost thousands of instructions per request).
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        if case .failed = state { return }
        buffer.append(contentsOf: bytes)
    }

    public var stage: Stage {
        switch state {
        case .head, .failed: return hasBufferedBytes ? .head : .idle
        default: return .body
        }
    }

    /// Bytes received and not yet turned into an event.
    public var hasBufferedBytes: Bool { buffer.count > index }

    public mutating func next() -> Event? {
        while true {
            let progress: Step
            switch state {
            case .failed: return nil
            case .head: progress = parseHead()
            case .fixedBody(let length): progress = readFixedBody(length: length)
            case .chunkSize: progress = readChunkSize()
            case .chunkData(let size): progress = readChunkData(size: size)
            case .trailers: progress = readTrailers()
            }
            switch progress {
            case .needMore: return nil
            case .continue: continue
            case .event(let event): return event
            case .fail(let error):
                state = .failed
                pending = nil
                spool = nil
                return .failure(error)
            }
        }
    }

    enum Step {
        case needMore
        case `continue`
        case event(Event)
        case fail(RequestParseError)
    }

    private mutating func parseHead() -> Step {
        compactIfWorthwhile()
        guard let headEnd = scanForHeadEnd() else {
            return buffer.count - index > maxHeaderBytes
                ? .fail(.init(.headerFieldsTooLarge, "request line and headers exceed \(maxHeaderBytes) bytes"))
                : .needMore
        }
        guard headEnd - index <= maxHeaderBytes else {
            return .fail(.init(.headerFieldsTooLarge, "request line and headers exceed \(maxHeaderBytes) bytes"))
        }
        index = headEnd
        headScan = headEnd
        headLineStart = headEnd
        // The line list keeps its storage from one request to the next.
        defer { headLines.removeAll(keepingCapacity: true) }
        var limit = maxBodyBytes
        var spooled = false
        // A Result, not a typed throw through `withUnsafeBufferPointer`: in Swift 6.0, which the
        // container image builds with, that rethrows `any Error`.
        let parsed = buffer.withUnsafeBufferPointer { bytes -> Result<RequestHead, RequestParseError> in
            do throws(RequestParseError) {
                return .success(
                    try RequestHead.parse(buffer: bytes, lines: headLines) { request in
                        if let chosen = spooledLimit?(request) {
                            limit = min(max(0, chosen), 1 << 40)
                            spooled = true
                        }
                        return limit
                    })
            } catch {
                return .failure(error)
            }
        }
        let head: RequestHead
        switch parsed {
        case .success(let parsedHead): head = parsedHead
        case .failure(let error): return .fail(error)
        }
        bodyLimit = limit
        if spooled && head.framing != .none {
            guard let file = SpooledBody() else {
                return .fail(.init(.serviceUnavailable, "no temporary file can be made for the body"))
            }
            spool = file
        }
        switch head.framing {
        case .none:
            return .event(.request(head.request))
        case .length(let length):
            pending = head.request
            state = .fixedBody(length: length)
        case .chunked:
            pending = head.request
            state = .chunkSize
            chunkFramingBytes = 0
        }
        if head.expectsContinue && !hasBufferedBytes { return .event(.expectContinue) }
        return .continue
    }

    /// Finds the empty line ending the head; records the lines before it. Leading empty
    /// lines (left over after a previous request's body) are skipped, as RFC 9112 asks.
    private mutating func scanForHeadEnd() -> Int? {
        if headScan < index { headScan = index; headLineStart = index }
        // Through a second reference to the storage (not a copy: nothing writes to it here),
        // so the loop reads bytes by pointer while it updates the scan state in `self`.
        let storage = buffer
        return storage.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            while headScan < bytes.count {
                // Line by line with `memchr`, which looks at many bytes per step.
                guard let found = memchr(base + headScan, Int32(UInt8.lf), bytes.count - headScan) else {
                    headScan = bytes.count
                    return nil
                }
                let lf = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                headScan = lf + 1
                var lineEnd = lf
                if lineEnd > headLineStart && bytes[lineEnd - 1] == .cr { lineEnd -= 1 }
                if lineEnd == headLineStart {
                    if headLines.isEmpty {
                        index = headScan
                        headLineStart = headScan
                        continue
                    }
                    return headScan
                }
                headLines.append(headLineStart..<lineEnd)
                headLineStart = headScan
            }
            return nil
        }
    }

    /// Drops consumed bytes between requests, rarely enough that pipelines stay linear.
    private mutating func compactIfWorthwhile() {
        guard headLines.isEmpty, index > 0, index == buffer.count || index >= 16 * 1024 else { return }
        if index == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(0..<index)
        }
        index = 0
        headScan = 0
        headLineStart = 0
    }

    mutating func complete(body: [UInt8]) -> Step {
        guard var request = pending else { return .fail(.init(.badRequest, "body without a request")) }
        pending = nil
        request.body = body
        request.spooled = spool
        spool = nil
        state = .head
        return .event(.request(request))
    }
}

/// Why a request could not be parsed, and the status to answer before closing.
public struct RequestParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: HTTPStatus
    public let reason: String
    public init(_ status: HTTPStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }
    public var description: String { "\(status.code) \(reason)" }
}

extension UInt8 {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
}
