import Foundation
import HTTPServer
import Testing

extension ServerTests {
    @Suite struct LimitTests {
        /// Sends `request`, expects `status` and a closed connection.
        func expectRejected(_ request: String, _ status: Int, configure: (inout ServerConfiguration) -> Void = { _ in })
            throws
        {
            let server = try TestServer {
                $0.extraHeaders = [("Access-Control-Allow-Origin", "*")]
                configure(&$0)
            }
            let client = try server.client()
            client.send(request)
            let response = try #require(client.readResponse())
            #expect(response.status == status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(client.isClosedByServer())
            #expect(server.protocolErrors == [status])
        }

        @Test func malformedRequestIs400AndCloses() throws {
            try expectRejected("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", 400)
            try expectRejected("NONSENSE\r\n\r\n", 400)
        }

        @Test func oversizedHeadIs431() throws {
            try expectRejected("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 2000))\r\n\r\n", 431) {
                $0.maxHeaderBytes = 1024
            }
        }

        @Test func oversizedBodyIs413() throws {
            try expectRejected("POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n", 413) { $0.maxBodyBytes = 1000 }
            let chunk = String(repeating: "x", count: 600)
            try expectRejected("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n", 413) {
                $0.maxBodyBytes = 1000
            }
        }

        @Test func expectContinueOverTheLimitIs413WithoutReadingTheBody() throws {
            try expectRejected("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n", 413) {
                $0.maxBodyBytes = 1000
            }
        }

        @Test func unknownTransferCodingIs501() throws {
            try expectRejected("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501)
        }

        @Test func unsupportedVersionIs505() throws {
            try expectRejected("GET / HTTP/2.0\r\n\r\n", 505)
        }

        @Test func bigBodyBeforeA413IsDrainedNotReset() throws {
            let server = try TestServer { $0.maxBodyBytes = 1000 }
            let client = try server.client()
            // The client sends the whole body anyway; it must still read the 413, not a reset.
            client.send("POST / HTTP/1.1\r\nContent-Length: 300000\r\n\r\n" + String(repeating: "x", count: 300_000))
            #expect(client.readResponse()?.status == 413)
        }
    }
}
