import Foundation
import HTTP1
#if canImport(Glibc)
import Glibc
#endif

/// A small blocking HTTP/1.1 client for tests: one keep-alive connection, reopened when the
/// server closes it. Enough for our server, which always frames responses by Content-Length.
public final class HTTPTestClient: @unchecked Sendable {
    public let port: Int
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    public init(port: Int) { self.port = port }

    deinit { if socket >= 0 { close(socket) } }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends one request and reads its response. Never retries: a dropped connection (fault
    /// injection) must reach the test as a failure; the next request opens a new connection.
    public func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders, body: [UInt8]) throws -> TestResponse {
        lock.lock()
        defer { lock.unlock() }
        var head = "\(method.rawValue) \(target) HTTP/1.1\r\n"
        if !headers.contains("Host") { head += "Host: 127.0.0.1:\(port)\r\n" }
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        do {
            try connectIfNeeded()
            try write(bytes)
            return try readResponse(method: method)
        } catch {
            disconnect()
            throw error
        }
    }

    private func connectIfNeeded() throws {
        guard socket < 0 else { return }
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        socket = fd
        buffer = []
    }

    /// Closes the keep-alive connection (before the server shuts down).
    public func disconnectNow() {
        lock.lock()
        defer { lock.unlock() }
        disconnect()
    }

    private func disconnect() {
        if socket >= 0 { close(socket) }
        socket = -1
        buffer = []
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send failed") }
            offset += sent
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "connection closed by the server") }
        buffer.append(contentsOf: chunk[0..<count])
    }

    /// A chunked body (streamed answers), without trailers.
    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            var lineEnd = buffer.firstRange(of: [13, 10])
            while lineEnd == nil {
                try fill()
                lineEnd = buffer.firstRange(of: [13, 10])
            }
            let sizeText = String(decoding: buffer[0..<lineEnd!.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
                throw Failure(description: "malformed chunk size \(sizeText)")
            }
            buffer.removeFirst(lineEnd!.upperBound)
            while buffer.count < size + 2 { try fill() }
            body.append(contentsOf: buffer[0..<size])
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    private func readResponse(method: HTTPMethod) throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound
            if headEnd == nil { try fill() }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "malformed status line")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        buffer.removeFirst(headEnd!)
        let body: [UInt8]
        if method != .HEAD, headers["Transfer-Encoding"]?.lowercased() == "chunked" {
            body = try readChunkedBody()
        } else {
            let length = method == .HEAD ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
            while buffer.count < length { try fill() }
            body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        }
        if headers["Connection"]?.lowercased() == "close" { disconnect() }
        return TestResponse(status: status, headers: headers, body: body)
    }
}
