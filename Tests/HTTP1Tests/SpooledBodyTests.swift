import Testing
@testable import HTTP1

/// Bodies the server keeps in a file (`spooledLimit`): written as they arrive, never gathered
/// in the parser's buffer, under a limit of their own.
@Suite struct SpooledBodyTests {
    /// Spools PUT bodies up to `limit`; everything else stays in memory under `maxBodyBytes`.
    static func parser(limit: Int) -> RequestParser {
        RequestParser(maxBodyBytes: 16, spooledLimit: { request in request.method == .PUT ? limit : nil })
    }

    static func events(_ parser: inout RequestParser, _ pieces: [[UInt8]]) -> [RequestParser.Event] {
        var events: [RequestParser.Event] = []
        for piece in pieces {
            parser.feed(piece)
            while let event = parser.next() { events.append(event) }
            #expect(parser.buffer.count <= 4096, "a spooled body must not gather in the buffer")
        }
        return events
    }

    @Test func aFixedLengthBodyGoesToTheFileAPieceAtATime() throws {
        var parser = Self.parser(limit: 1 << 20)
        let body = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let head = Array("PUT /state HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        let pieces = [head] + stride(from: 0, to: body.count, by: 1000).map { Array(body[$0..<min($0 + 1000, body.count)]) }
            + [Array("GET /next HTTP/1.1\r\nHost: x\r\n\r\n".utf8)]
        let events = Self.events(&parser, pieces)
        let request = try #require(events.first?.request)
        #expect(request.body.isEmpty)
        #expect(request.spooled?.count == body.count)
        #expect(try request.withBody { Array($0) } == body)
        #expect(events.last?.request?.target == "/next")
    }

    @Test func aChunkedBodyGoesToTheFileWhateverItsChunkSizes() throws {
        var parser = Self.parser(limit: 1 << 20)
        let head = Array("PUT /state HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        // One chunk of 60,000 bytes arriving in pieces, then a small one.
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 60_000)
        var pieces = [head, Array("ea60\r\n".utf8)]
        pieces += stride(from: 0, to: big.count, by: 999).map { Array(big[$0..<min($0 + 999, big.count)]) }
        pieces += [Array("\r\n3\r\nxyz\r\n0\r\n\r\n".utf8)]
        let request = try #require(Self.events(&parser, pieces).first?.request)
        #expect(try request.withBody { Array($0) } == big + Array("xyz".utf8))
    }

    @Test func theSpooledLimitReplacesTheBodyLimitForTheRoutesItNames() {
        var parser = Self.parser(limit: 1000)
        let tooLong = Self.events(&parser, [Array("PUT /state HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n".utf8)])
        #expect(tooLong.first?.failure?.status == .contentTooLarge)

        var chunked = Self.parser(limit: 1000)
        let head = Array("PUT /state HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let over = Self.events(&chunked, [head, Array("3e8\r\n".utf8), [UInt8](repeating: 1, count: 1000), Array("\r\n1\r\n".utf8)])
        #expect(over.last?.failure?.status == .contentTooLarge)

        // A route not named keeps maxBodyBytes, in memory.
        var memory = Self.parser(limit: 1000)
        let post = Self.events(&memory, [Array("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n".utf8)])
        #expect(post.first?.failure?.status == .contentTooLarge)
        var small = Self.parser(limit: 1000)
        let kept = Self.events(&small, [Array("POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok".utf8)])
        #expect(kept.first?.request?.body == Array("ok".utf8))
        #expect(kept.first?.request?.spooled == nil)
    }
}
