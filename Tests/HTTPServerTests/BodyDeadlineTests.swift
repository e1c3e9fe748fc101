import Foundation
import Testing

extension ServerTests {
    /// A body must arrive whole within `bodyTimeout` of its head; bytes trickling in do not
    /// extend it (they reset the old per-byte idle timer, which let one connection live forever).
    @Suite struct BodyDeadlineTests {
        func expectTimedOut(head: String, trickle: String) throws {
            let server = try TestServer {
                $0.bodyTimeout = 0.5
                $0.idleTimeout = 10
            }
            let client = try server.client()
            let started = Date()
            client.send(head)
            // A byte every 100 ms: each well inside the idle timeout, the whole beyond the body's.
            for byte in trickle.utf8.prefix(12) {
                guard client.send([byte]) else { break }
                usleep(100_000)
            }
            let response = client.readResponse()
            #expect(response?.status == 408)
            #expect(client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 2.5)
            #expect(server.handledRequests == 0)
            #expect(server.protocolErrors == [408])
        }

        @Test func trickledFixedLengthBodyIs408() throws {
            try expectTimedOut(
                head: "POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n", trickle: String(repeating: "x", count: 20))
        }

        @Test func trickledChunkedBodyIs408() throws {
            try expectTimedOut(
                head: "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                trickle: String(repeating: "1\r\nx\r\n", count: 4))
        }

        @Test func aBodyInTimeIsServedAndTheNextRequestGetsItsOwnDeadline() throws {
            let server = try TestServer { $0.bodyTimeout = 0.4 }
            let client = try server.client()
            for _ in 0..<3 {
                client.send("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab")
                usleep(250_000)
                client.send("cd")
                let response = client.readResponse()
                #expect(response?.status == 200)
                #expect(response?.text == "abcd")
            }
            #expect(server.protocolErrors.isEmpty)
        }
    }
}
