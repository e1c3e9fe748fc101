import Foundation
import Testing

extension ServerTests {
    @Suite struct ProtocolTests {
        @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
            let server = try TestServer()
            let client = try server.client()
            for index in 1...3 {
                client.send("POST /\(index) HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")
                let response = try #require(client.readResponse())
                #expect(response.status == 200)
                #expect(response.header("X-Target") == "/\(index)")
                #expect(response.text == "hi")
                #expect(response.header("Connection") == nil)
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
            }
            #expect(server.server.connectionCount == 1)
        }

        @Test func pipelinedRequestsAreAnsweredInOrder() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /slow?ms=100 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nPOST /3 HTTP/1.1\r\nContent-Length: 1\r\n\r\nx")
            #expect(client.readResponse()?.text == "slow")
            #expect(client.readResponse()?.header("X-Target") == "/2")
            #expect(client.readResponse()?.text == "x")
        }

        @Test func chunkedRequestBody() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n")
            usleep(50_000)
            client.send("6\r\n world\r\n0\r\nTrailer: t\r\n\r\n")
            #expect(client.readResponse()?.text == "hello world")
        }

        @Test func expectContinue() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            #expect(client.readBytes(25).map { String(decoding: $0, as: UTF8.self) } == "HTTP/1.1 100 Continue\r\n\r\n")
            client.send("body")
            let response = try #require(client.readResponse())
            #expect(response.text == "body")
            #expect(response.header("X-Expect") == "yes")
        }

        @Test func headHasLengthButNoBody() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("HEAD /big?bytes=10 HTTP/1.1\r\n\r\n")
            let response = try #require(client.readResponse(head: true))
            #expect(response.header("Content-Length") == "10")
            // The next answer starts right away: no stray body bytes were sent.
            client.send("GET /big?bytes=3 HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.text == "bbb")
        }

        @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(client.readResponse()?.header("Connection") == "keep-alive")
            client.send("GET /b HTTP/1.0\r\n\r\n")
            #expect(client.readResponse()?.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }

        @Test func halfClosedClientStillGetsItsAnswer() throws {
            let server = try TestServer()
            let client = try server.client()
            client.send("GET /h HTTP/1.1\r\n\r\n")
            client.shutdownWrite()
            #expect(client.readResponse()?.header("X-Target") == "/h")
            #expect(client.isClosedByServer())
        }

        @Test func clientResetMidResponseDoesNotDisturbOthers() throws {
            let server = try TestServer()
            for _ in 0..<5 {
                let rude = try server.client()
                rude.send("GET /big?bytes=4000000 HTTP/1.1\r\n\r\n")
                usleep(20_000)
                rude.reset()
            }
            let client = try server.client()
            client.send("GET /ok HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            #expect(TestServer.eventually { server.server.connectionCount == 1 })
        }
    }
}
