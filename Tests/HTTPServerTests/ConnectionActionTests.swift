import Foundation
import HTTP1
import HTTPServer
import Testing

/// Responses that ask the server to drop the connection (fault injection's `drop` rules).
@Suite(.serialized) struct ConnectionActionTests {
    func serve(_ action: ConnectionAction) throws -> (HTTPServer, Int) {
        var configuration = ServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration) { request, respond in
            var response = HTTPResponse.json(["dropped": .bool(request.target == "/drop")])
            if request.target == "/drop" { response.connectionAction = action }
            respond(response)
        }
        return (server, try server.start())
    }

    /// Sends raw bytes and reads until the peer closes; returns what arrived and how it ended.
    func exchange(port: Int, _ text: String) -> (bytes: [UInt8], reset: Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { received += buffer[0..<count]; continue }
            return (received, count < 0 && errno == ECONNRESET)
        }
    }

    @Test func resetAbortsWithoutAnAnswer() throws {
        let (server, port) = try serve(.reset)
        defer { server.shutdown(timeout: 1) }
        let outcome = exchange(port: port, "GET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(outcome.bytes.isEmpty)
        #expect(outcome.reset)
    }

    @Test func closeWithoutResponseEndsQuietly() throws {
        let (server, port) = try serve(.closeWithoutResponse)
        defer { server.shutdown(timeout: 1) }
        let outcome = exchange(port: port, "GET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(outcome.bytes.isEmpty)
        #expect(!outcome.reset)
    }

    @Test func aDroppedRequestDoesNotAnswerThePipelinedOnesBehindIt() throws {
        let (server, port) = try serve(.closeWithoutResponse)
        defer { server.shutdown(timeout: 1) }
        let outcome = exchange(
            port: port, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\nGET /drop HTTP/1.1\r\nHost: x\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200").count == 2)
    }
}
