import Foundation
import HTTP1
import HTTPServer
import Testing

extension ServerTests {
    /// The handler of a batch's only request may block (`HTTPServer.callerMayBlock`) while the
    /// loop's other thread waits for sockets; that thread then serves every other connection,
    /// and its own handlers may not block.
    @Suite struct BlockingHandlerTests {
        final class Gate: @unchecked Sendable {
            let entered = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            private let lock = NSLock()
            private var allowed: [Bool] = []
            func record(_ mayBlock: Bool) { lock.withLock { allowed.append(mayBlock) } }
            var mayBlock: [Bool] { lock.withLock { allowed } }

            /// A server whose `/block` records whether it may block and, where it may, waits
            /// for `release` (a handler that broke the rule would hang the loop).
            func server() throws -> (HTTPServer, Int) {
                var configuration = ServerConfiguration()
                configuration.port = 0
                let server = HTTPServer(configuration: configuration) { [self] request, respond in
                    if request.path == "/block" {
                        let mayBlock = HTTPServer.callerMayBlock
                        record(mayBlock)
                        entered.signal()
                        if mayBlock { _ = release.wait(timeout: .now() + 10) }
                    }
                    respond(HTTPResponse(status: .ok, body: Array(request.path.utf8)))
                }
                return (server, try server.start())
            }

            /// A client whose `/block` blocks its handler now. Until the loop's second thread
            /// waits for sockets (just after start, say) a handler may not block; it answers.
            func blockedClient(port: Int) throws -> RawClient? {
                for _ in 0..<50 {
                    let client = try RawClient(port: port)
                    client.send("GET /block HTTP/1.1\r\n\r\n")
                    guard entered.wait(timeout: .now() + 5) == .success else { return nil }
                    if mayBlock.last == true { return client }
                    _ = client.readResponse()
                }
                return nil
            }
        }

        @Test func anotherConnectionIsServedWhileAHandlerBlocks() throws {
            let gate = Gate()
            let (server, port) = try gate.server()
            defer { server.shutdown(timeout: 1) }
            let blocked = try #require(try gate.blockedClient(port: port))
            let other = try RawClient(port: port)
            for round in 0..<20 {
                other.send("GET /fast HTTP/1.1\r\n\r\n")
                #expect(other.readResponse()?.text == "/fast", "round \(round)")
            }
            gate.release.signal()
            #expect(blocked.readResponse()?.text == "/block")
        }

        @Test func aSecondHandlerMayNotBlockWhileTheFirstDoes() throws {
            let gate = Gate()
            let (server, port) = try gate.server()
            defer { server.shutdown(timeout: 1) }
            let first = try #require(try gate.blockedClient(port: port))
            let second = try RawClient(port: port)
            second.send("GET /block HTTP/1.1\r\n\r\n")
            #expect(gate.entered.wait(timeout: .now() + 5) == .success)
            #expect(second.readResponse()?.text == "/block")
            #expect(gate.mayBlock.last == false)
            gate.release.signal()
            #expect(first.readResponse()?.text == "/block")
        }
    }
}
