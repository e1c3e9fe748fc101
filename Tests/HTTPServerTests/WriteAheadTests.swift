import Foundation
import Testing

extension ServerTests {
    /// Answers given on another thread are written from there while the loop sleeps, and the
    /// loop learns of it without being woken (`Connection.writeAhead`): what it does after an
    /// answer must still happen.
    @Suite struct WriteAheadTests {
        @Test func pipelinedRequestsAnsweredElsewhereKeepTheirOrder() throws {
            let server = try TestServer()
            let client = try server.client()
            // Both in one write: the second waits in the parser while the first is answered.
            client.send("GET /slow?ms=60 HTTP/1.1\r\n\r\nGET /slow?ms=10 HTTP/1.1\r\n\r\nGET /after HTTP/1.1\r\n\r\n")
            let started = Date()
            #expect(client.readResponse()?.text == "slow")
            #expect(client.readResponse()?.text == "slow")
            #expect(client.readResponse()?.header("X-Target") == "/after")
            // The loop was woken for the waiting requests, not left until something else came.
            #expect(Date().timeIntervalSince(started) < 1)
        }

        @Test func aConnectionAnsweredElsewhereStillTimesOutWhenIdle() throws {
            let server = try TestServer { $0.idleTimeout = 0.3 }
            let client = try server.client()
            for round in 0..<3 {
                client.send("GET /slow?ms=5 HTTP/1.1\r\n\r\n")
                #expect(client.readResponse()?.text == "slow", "round \(round)")
            }
            let started = Date()
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(TestServer.eventually { server.server.connectionCount == 0 })
        }

        @Test func aConnectionAnsweredElsewhereCountsAsIdleRightAfter() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /slow?ms=5 HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.text == "slow")
            // Its end is handed to the loop just after the send, without waking it; asking runs it.
            #expect(TestServer.eventually { server.server.connectionsInsideRequests == 0 })
        }

        @Test func manyAnswersElsewhereInARowOnOneConnection() throws {
            let server = try TestServer()
            let client = try server.client()
            for round in 0..<200 {
                client.send("GET /slow?ms=0 HTTP/1.1\r\n\r\n")
                guard client.readResponse()?.text == "slow" else {
                    Issue.record("round \(round) went unanswered")
                    return
                }
            }
            #expect(server.protocolErrors.isEmpty)
        }
    }
}
