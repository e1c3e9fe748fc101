import Foundation
import HTTP1
import HTTPServer
import Testing

extension ServerTests {
    @Suite struct LifecycleTests {
        @Test func shutdownFinishesAnInFlightRequest() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /slow?ms=300 HTTP/1.1\r\n\r\n")
            #expect(TestServer.eventually { server.handledRequests == 1 })
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                server.server.shutdown(timeout: 3)
                done.signal()
            }
            let response = try #require(client.readResponse())
            #expect(response.text == "slow")
            #expect(response.header("Connection") == "close")
            #expect(done.wait(timeout: .now() + 3) == .success)
            #expect(server.server.connectionCount == 0)
            #expect(throws: ClientError.self) { try RawClient(port: server.port) }
        }

        @Test func shutdownGivesUpOnRequestsPastTheTimeout() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /slow?ms=2000 HTTP/1.1\r\n\r\n")
            #expect(TestServer.eventually { server.handledRequests == 1 })
            let started = Date()
            server.server.shutdown(timeout: 0.2)
            #expect(Date().timeIntervalSince(started) < 1.5)
            #expect(client.isClosedByServer())
        }

        /// An answer given after its server stopped writes nothing: the loop's descriptors are
        /// closed by then, and their numbers may be other connections' sockets (a wake-up's 8
        /// bytes once landed in another server's chunked body). Its stream is still cancelled.
        @Test func anAnswerAfterShutdownWritesNothingAnywhere() throws {
            final class Held: @unchecked Sendable {
                let lock = NSLock()
                var respond: HTTPServer.Responder?
                var cancelled = false
            }
            let held = Held()
            var configuration = ServerConfiguration()
            configuration.port = 0
            let stopped = HTTPServer(configuration: configuration) { _, respond in held.lock.withLock { held.respond = respond } }
            let client = try RawClient(port: try stopped.start())
            client.send("GET /held HTTP/1.1\r\n\r\n")
            #expect(TestServer.eventually { held.lock.withLock { held.respond != nil } })
            stopped.shutdown(timeout: 0.1)

            // Descriptors opened now may take the numbers the stopped loop closed.
            let server = try TestServer()
            let clients = try (0..<8).map { _ in try server.client() }
            for client in clients {
                client.send("GET /echo HTTP/1.1\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
            var late = HTTPResponse(status: .ok)
            late.stream = BodyStream(next: { $0(.end) }, cancel: { held.lock.withLock { held.cancelled = true } })
            held.lock.withLock { held.respond }?(late)
            #expect(TestServer.eventually { held.lock.withLock { held.cancelled } })
            for client in clients {
                var stray = [UInt8](repeating: 0, count: 64)
                #expect(recv(client.fd, &stray, stray.count, Int32(MSG_DONTWAIT)) == -1, "bytes on fd \(client.fd)")
            }
        }

        @Test func noDescriptorLeaksOnAnyClosePath() throws {
            var port = 0
            do {
                let server = try TestServer {
                    $0.headerTimeout = 0.2
                    $0.idleTimeout = 0.2
                    $0.maxConnections = 8
                }
                port = server.port
                #expect(serverSocketDescriptors(port: port) == 1, "only the listener before any client")
                var clients: [RawClient] = []
                let normal = try server.client()
                normal.send("GET / HTTP/1.1\r\n\r\n")
                _ = normal.readResponse()
                let malformed = try server.client()
                malformed.send("BAD\r\n\r\n")
                _ = malformed.readResponse()
                let halfClosed = try server.client()
                halfClosed.send("GET / HTTP/1.1\r\n\r\n")
                halfClosed.shutdownWrite()
                let reset = try server.client()
                reset.send("GET /big?bytes=3000000 HTTP/1.1\r\n\r\n")
                usleep(20_000)
                reset.reset()
                let slow = try server.client()
                slow.send("GET /slow?ms=100 HTTP/1.1\r\n\r\n")
                slow.close()
                let timedOut = try server.client()
                timedOut.send("GET")
                clients = [normal, malformed, halfClosed, timedOut]
                for _ in 0..<10 { clients.append(try server.client()) }  // some beyond the limit: 503
                usleep(400_000)
                clients.forEach { $0.close() }
                #expect(TestServer.eventually { server.server.connectionCount == 0 })
                server.server.shutdown()
            }
            #expect(TestServer.eventually { serverSocketDescriptors(port: port) == 0 })
        }

        @Test func startErrorsAreClear() throws {
            let server = try TestServer()
            var configuration = ServerConfiguration()
            configuration.port = server.port
            // do/catch rather than the error #require(throws:) returns: that needs Swift 6.1.
            do {
                _ = try HTTPServer(configuration: configuration) { _, respond in respond(.empty(.ok)) }.start()
                Issue.record("a second server started on port \(server.port)")
            } catch {
                #expect("\(error)" == "port \(server.port) is already in use")
            }
            configuration.host = "no-such-host.invalid"
            configuration.port = 0
            do {
                _ = try HTTPServer(configuration: configuration) { _, respond in respond(.empty(.ok)) }.start()
                Issue.record("a server started on an unresolvable host")
            } catch {
                #expect("\(error)".hasPrefix("cannot resolve host no-such-host.invalid"))
            }
        }

        @Test func dualStackListener() throws {
            let server = try TestServer { $0.host = "::" }
            for host in ["127.0.0.1", "::1"] {
                let client = try RawClient(port: server.port, host: host)
                client.send("GET / HTTP/1.1\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
        }
    }
}
