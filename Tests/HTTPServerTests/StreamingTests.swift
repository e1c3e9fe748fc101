import Foundation
import HTTP1
import HTTPServer
import Testing

extension ServerTests {
    /// Streamed bodies: chunked on HTTP/1.1, ended by the close on HTTP/1.0, a failure midway
    /// cuts the connection, and a producer whose reader goes away is cancelled.
    @Suite struct StreamingTests {
        /// Serves `/parts` as "ab", "" (skipped: it would read as the last chunk), "cde";
        /// `/fail` as "ab" then a failure; `/endless` as "x" forever, until cancelled;
        /// `/long` as 1000 parts of 64 KiB, one every millisecond (a second or more in all).
        final class Streams: @unchecked Sendable {
            let lock = NSLock()
            var cancelled = 0

            func stream(for path: Substring) -> BodyStream {
                let parts: [BodyStream.Part] = path == "/fail" ? [.bytes(Array("ab".utf8)), .failed]
                    : [.bytes(Array("ab".utf8)), .bytes([]), .bytes(Array("cde".utf8)), .end]
                let index = Counter()
                return BodyStream(
                    next: { deliver in
                        let next = index.increment()
                        if path == "/long" {
                            let part: BodyStream.Part = next < 1000 ? .bytes([UInt8](repeating: 0x6C, count: 65_536)) : .end
                            return DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(1)) { deliver(part) }
                        }
                        DispatchQueue.global().async {
                            deliver(path == "/endless" ? .bytes(Array("x".utf8)) : parts[min(next, parts.count - 1)])
                        }
                    },
                    cancel: { [self] in lock.withLock { cancelled += 1 } })
            }

            var cancelCount: Int { lock.withLock { cancelled } }
        }

        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func increment() -> Int { lock.withLock { defer { value += 1 }; return value } }
        }

        let streams = Streams()
        let server: HTTPServer
        let port: Int

        init() throws {
            var configuration = ServerConfiguration()
            configuration.port = 0
            configuration.idleTimeout = 0.5
            server = HTTPServer(configuration: configuration) { [streams] request, respond in
                var response = HTTPResponse(status: .ok)
                response.stream = streams.stream(for: request.path)
                // `/late` answers after its client has had time to go away.
                guard request.path == "/late" else { return respond(response) }
                let late = response
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { respond(late) }
            }
            port = try server.start()
        }

        @Test func chunkedOnHTTP11ThenKeepAlive() throws {
            let client = try RawClient(port: port)
            client.send("GET /parts HTTP/1.1\r\n\r\n")
            let head = try #require(client.readResponse())
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("Content-Length") == nil)
            let expected = "2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n"
            #expect(client.readBytes(expected.utf8.count).map { String(decoding: $0, as: UTF8.self) } == expected)
            client.send("GET /parts HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            server.shutdown(timeout: 1)
        }

        @Test func closeDelimitedOnHTTP10() throws {
            let client = try RawClient(port: port)
            client.send("GET /parts HTTP/1.0\r\n\r\n")
            let head = try #require(client.readResponse())
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(head.header("Connection") == "close")
            #expect(client.readBytes(5).map { String(decoding: $0, as: UTF8.self) } == "abcde")
            #expect(client.isClosedByServer())
            server.shutdown(timeout: 1)
        }

        @Test func aFailureMidwayCutsTheConnectionWithoutTheLastChunk() throws {
            let client = try RawClient(port: port)
            client.send("GET /fail HTTP/1.1\r\n\r\n")
            _ = try #require(client.readResponse())
            #expect(client.readBytes(7).map { String(decoding: $0, as: UTF8.self) } == "2\r\nab\r\n")
            #expect(client.isClosedByServer())
            server.shutdown(timeout: 1)
        }

        /// A pause long enough to fill the socket buffers stalls the write once; a client that
        /// then reads on gets the whole body, however long it takes past the idle timeout.
        @Test func aStallThatEndsDoesNotCutTheStreamLater() throws {
            let client = try RawClient(port: port)
            client.send("GET /long HTTP/1.1\r\n\r\n")
            _ = try #require(client.readResponse())
            usleep(300_000)
            // 1000 chunks of "10000\r\n", 64 KiB and "\r\n", then the last chunk.
            let body = try #require(client.readBytes(1000 * (7 + 65_536 + 2) + 5))
            #expect(body.suffix(5) == Array("0\r\n\r\n".utf8))
            server.shutdown(timeout: 1)
        }

        /// An answer that comes after its connection closed is never written: its producer
        /// must hear so, or whatever it holds (a tenant's lane) stays held.
        @Test func aStreamAnsweredAfterItsClientLeftIsCancelled() throws {
            let client = try RawClient(port: port)
            client.send("GET /late HTTP/1.1\r\n\r\n")
            client.reset()
            #expect(TestServer.eventually { streams.cancelCount == 1 })
            server.shutdown(timeout: 1)
        }

        @Test func headAndAVanishedReaderCancelTheProducer() throws {
            let client = try RawClient(port: port)
            client.send("HEAD /parts HTTP/1.1\r\n\r\n")
            #expect(client.readResponse(head: true)?.status == 200)
            #expect(TestServer.eventually { streams.cancelCount == 1 })
            client.send("GET /endless HTTP/1.1\r\n\r\n")
            _ = try #require(client.readResponse())
            #expect(client.readBytes(3) != nil)
            client.reset()
            #expect(TestServer.eventually { streams.cancelCount == 2 })
            server.shutdown(timeout: 1)
        }
    }
}
