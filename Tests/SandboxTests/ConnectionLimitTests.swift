#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Sandbox
import SandboxTesting
import Testing

/// `--body-timeout` and `--max-connections` as the sandbox passes them to its server.
@Suite struct ConnectionLimitTests {
    @Test func aTrickledBodyIsCutOffAtTheBodyTimeout() throws {
        let sandbox = try TestSandbox {
            $0.bodyTimeout = 0.3
            $0.idleTimeout = 30
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(sandbox.port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        let started = Date()
        let head = Array("POST /api/v1/datacenter/server HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{".utf8)
        _ = head.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            answer += chunk[..<count]
        }
        #expect(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 408"))
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"] == [], "nothing reached the API")
    }

    @Test func idleKeepAliveClientsMakeRoomForNewOnes() throws {
        let sandbox = try TestSandbox { $0.maxConnections = 2 }
        let clients = (0..<4).map { _ in HTTPTestClient(port: sandbox.port) }
        for (index, client) in clients.enumerated() {
            let response = try client.send(.GET, "/api/v1/datacenter/templates?n=\(index)", headers: ["Authorization": "Bearer \(sandbox.token)"], body: [])
            #expect(response.status == 200, "client \(index)")
        }
        clients.forEach { $0.disconnectNow() }
    }
}
