import Foundation
import Testing

extension ServerTests {
    @Suite struct TimeoutTests {
        @Test func slowHeadIsAnswered408() throws {
            let server = try TestServer { $0.headerTimeout = 0.3 }
            let client = try server.client()
            client.send("GET / HTTP/1.1\r\nHost")
            let started = Date()
            #expect(client.readResponse()?.status == 408)
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(server.protocolErrors == [408])
        }

        @Test func trickledHeadIsNotExtended() throws {
            let server = try TestServer { $0.headerTimeout = 0.3 }
            let client = try server.client()
            let started = Date()
            for _ in 0..<6 {
                client.send("X")
                usleep(100_000)
            }
            #expect(client.readResponse()?.status == 408)
            #expect(Date().timeIntervalSince(started) < 1.5)
        }

        @Test func emptyLinesBeforeARequestDoNotExtendTheWait() throws {
            let server = try TestServer { $0.headerTimeout = 0.3 }
            let client = try server.client()
            let started = Date()
            for _ in 0..<8 {
                client.send("\r\n")
                usleep(100_000)
            }
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 1.5)
        }

        @Test func resetDuringADeferredAnswerFreesTheSlotAtOnce() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /slow?ms=3000 HTTP/1.1\r\n\r\n")
            #expect(TestServer.eventually { server.handledRequests == 1 })
            client.reset()
            #expect(TestServer.eventually { server.server.connectionCount == 0 })
        }

        @Test func silentClientIsClosedWithoutAnswer() throws {
            let server = try TestServer { $0.headerTimeout = 0.2 }
            let client = try server.client()
            #expect(client.isClosedByServer())
            #expect(server.protocolErrors.isEmpty)
        }

        @Test func idleKeepAliveConnectionIsClosed() throws {
            let server = try TestServer { $0.idleTimeout = 0.3 }
            let client = try server.client()
            client.send("GET / HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            let started = Date()
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(TestServer.eventually { server.server.connectionCount == 0 })
        }
    }
}
