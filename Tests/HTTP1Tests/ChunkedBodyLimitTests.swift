import Testing
@testable import HTTP1

/// A chunked body cannot make the parser buffer much more than the body limit.
@Suite struct ChunkedBodyLimitTests {
    static let head = Array("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)

    @Test func longExtensionsPerDataByteHitTheFramingCap() {
        var parser = RequestParser(maxBodyBytes: 1024 * 1024)
        parser.feed(Self.head)
        let chunk = Array("1;\(String(repeating: "x", count: 4000))\r\nX\r\n".utf8)
        var failure: RequestParseError?
        for _ in 0..<2_000 where failure == nil {
            parser.feed(chunk)
            while let event = parser.next() {
                if case .failure(let error) = event { failure = error }
            }
            #expect(parser.buffer.count < 256 * 1024, "consumed framing must not pile up")
        }
        #expect(failure?.status == .contentTooLarge)
    }

    @Test func aLargeBodyInSmallChunksStillParses() throws {
        var parser = RequestParser(maxBodyBytes: 1024 * 1024)
        parser.feed(Self.head)
        var request: HTTPRequest?
        for _ in 0..<(512 * 1024 / 256) {
            parser.feed(Array("100\r\n".utf8) + [UInt8](repeating: 65, count: 256) + Array("\r\n".utf8))
            while let event = parser.next() { if case .request(let complete) = event { request = complete } }
            #expect(parser.buffer.count < 128 * 1024)
        }
        parser.feed(Array("0\r\n\r\n".utf8))
        while let event = parser.next() { if case .request(let complete) = event { request = complete } }
        #expect(request?.body.count == 512 * 1024)
    }

    /// 100,000 one-byte chunks, all in one read: each is appended to the body in place.
    @Test func aHundredThousandOneByteChunks() throws {
        var parser = RequestParser(maxBodyBytes: 1024 * 1024)
        parser.feed(Self.head)
        parser.feed(Array(String(repeating: "1\r\nA\r\n", count: 100_000).utf8) + Array("0\r\n\r\n".utf8))
        var request: HTTPRequest?
        while let event = parser.next() { if case .request(let complete) = event { request = complete } }
        #expect(request?.body == [UInt8](repeating: 65, count: 100_000))
    }
}
