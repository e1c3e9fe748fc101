#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking HTTP/1.1 client for `hosting-sandbox ctl`: one connection per request
/// (`Connection: close`), plain http only, on POSIX sockets (no package dependencies).
struct ControlClient {
    struct Response {
        let status: Int
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let host: String
    let port: String
    /// A path prefix of the URL (a sandbox behind a reverse proxy), without trailing slash.
    let prefix: String
    let headers: [(String, String)]

    /// `http://host[:port][/prefix]`; IPv6 hosts in brackets.
    init(url: String, headers: [(String, String)]) throws {
        guard url.hasPrefix("http://") else { throw Failure(description: "--url must start with http:// (not \(url))") }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            port = after.hasPrefix(":") ? String(after.dropFirst()) : "80"
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        } else {
            host = String(authority)
            port = "80"
        }
        guard !host.isEmpty, let number = Int(port), (1...65535).contains(number) else {
            throw Failure(description: "--url must look like http://127.0.0.1:8080 (not \(url))")
        }
        prefix = path
        self.headers = headers
    }

    /// Sends one request and reads the whole answer; `timeout` bounds each socket wait.
    func request(_ method: String, _ target: String, body: [UInt8] = [], timeout: Double = 30) throws -> Response {
        let socket = try openSocket(timeout: timeout)
        defer { close(socket) }
        var head = "\(method) \(prefix)\(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        head += "Accept: application/json\r\nContent-Length: \(body.count)\r\n"
        if !body.isEmpty { head += "Content-Type: application/json\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try write(Array((head + "\r\n").utf8) + body, to: socket)
        return try parse(try readAll(socket))
    }

    private func openSocket(timeout: Double) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, port, &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if fd >= 0 {
                var wait = timeval()
                wait.tv_sec = .init(timeout)
                wait.tv_usec = .init((timeout - Double(Int(timeout))) * 1_000_000)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            candidate = address.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(host):\(port) (is the sandbox running?)")
    }

    private func write(_ bytes: [UInt8], to socket: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "sending to \(host):\(port) failed") }
            offset += sent
        }
    }

    private func readAll(_ socket: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else {
                throw Failure(description: errno == EAGAIN ? "no answer from \(host):\(port) in time" : "reading from \(host):\(port) failed")
            }
            received.append(contentsOf: chunk[0..<count])
        }
    }

    /// Status line, headers (only the body's framing matters here), body.
    private func parse(_ bytes: [UInt8]) throws -> Response {
        guard let end = bytes.firstRange(of: [13, 10, 13, 10]) else {
            throw Failure(description: "malformed answer from \(host):\(port)")
        }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        let statusLine = lines.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "malformed status line from \(host):\(port)")
        }
        var body = Array(bytes[end.upperBound...])
        for line in lines.dropFirst() {
            let field = line.lowercased()
            if field.hasPrefix("content-length:"),
                let length = Int(field.dropFirst("content-length:".count).filter { $0 != " " }), length < body.count
            {
                body = Array(body[..<length])
            } else if field.hasPrefix("transfer-encoding:"), field.hasSuffix("chunked") {
                body = try dechunked(body)
            }
        }
        return Response(status: status, body: body)
    }

    /// The body of a chunked answer (streamed snapshots); trailers are ignored.
    private func dechunked(_ framed: [UInt8]) throws -> [UInt8] {
        var body: [UInt8] = []
        var rest = framed[...]
        while let lineEnd = rest.firstRange(of: [13, 10]) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16),
                rest.count >= lineEnd.upperBound - rest.startIndex + size + 2
            else { break }
            if size == 0 { return body }
            body.append(contentsOf: rest[lineEnd.upperBound..<lineEnd.upperBound + size])
            rest = rest[(lineEnd.upperBound + size + 2)...]
        }
        throw Failure(description: "the answer from \(host):\(port) ended before its last chunk")
    }
}
