import Foundation
import HTTP1
import HTTPServer

/// An `HTTPServer` on port 0 with an echo handler, shut down when the test lets go of it.
///
/// Echo routes: `/slow?ms=N` answers after N ms from another queue; `/big?bytes=N` answers N
/// bytes; anything else echoes method, target, body and whether `Expect` was sent.
final class TestServer: @unchecked Sendable {
    let server: HTTPServer
    let port: Int
    private let lock = NSLock()
    private var errors: [Int] = []
    private let handled = HandledRequests()

    init(_ configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        server = HTTPServer(configuration: configuration) { [handled] request, respond in
            handled.count(request)
            TestServer.echo(request, respond)
        }
        port = try server.start()
        server.onProtocolError = { [weak self] status, _ in self?.record(status) }
    }

    deinit { server.shutdown(timeout: 1) }

    var protocolErrors: [Int] { lock.withLock { errors } }
    /// Requests that reached the handler, so tests wait for that instead of sleeping.
    var handledRequests: Int { handled.value }
    private func record(_ status: Int) { lock.withLock { errors.append(status) } }

    func client() throws -> RawClient { try RawClient(port: port) }

    /// Polls until `condition` holds or `timeout` passes.
    static func eventually(timeout: Double = 3, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    static let slowAnswers = DispatchQueue(label: "TestServer.slow")

    static let echo: HTTPServer.Handler = { request, respond in
        switch request.path {
        case "/slow":
            let delay = Double(request.query("ms").flatMap { Int($0) } ?? 300) / 1000
            // Not a global queue: tests blocked in recv can starve its width-limited pool.
            TestServer.slowAnswers.asyncAfter(deadline: .now() + delay) {
                respond(HTTPResponse(status: .ok, body: Array("slow".utf8)))
            }
        case "/big":
            let count = request.query("bytes").flatMap { Int($0) } ?? 0
            respond(HTTPResponse(status: .ok, body: [UInt8](repeating: UInt8(ascii: "b"), count: count)))
        default:
            var headers: HTTPHeaders = ["X-Method": request.method.rawValue, "X-Target": request.target]
            if request.headers["Expect"] != nil { headers.add("X-Expect", "yes") }
            respond(HTTPResponse(status: .ok, headers: headers, body: request.body))
        }
    }
}

final class HandledRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func count(_ request: HTTPRequest) { lock.withLock { total += 1 } }
    var value: Int { lock.withLock { total } }
}

/// Descriptors this process holds for sockets whose local port is `port`: the server's
/// listener and accepted connections, and nothing that tests running in parallel open.
func serverSocketDescriptors(port: Int) -> Int {
    let hexPort = String(format: ":%04X", port)
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9, fields[1].hasSuffix(hexPort) else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return descriptors.filter { descriptor in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"),
            target.hasPrefix("socket:[")
        else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }.count
}
