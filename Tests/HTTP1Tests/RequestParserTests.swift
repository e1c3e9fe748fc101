import Testing
@testable import HTTP1

@Suite struct RequestParserTests {
    @Test func simpleGet() throws {
        let parsed = try #require(request("GET /hello?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(parsed.method == .GET)
        #expect(parsed.target == "/hello?x=1")
        #expect(parsed.path == "/hello")
        #expect(parsed.version == .http11)
        #expect(parsed.headers["host"] == "a")
        #expect(parsed.body.isEmpty)
    }

    @Test func headerNamesAreCaseInsensitiveAndRepeatsKept() throws {
        let parsed = try #require(request("GET / HTTP/1.1\r\nX-A: 1\r\nx-a:2\r\nX-B:   spaced  \r\n\r\n"))
        #expect(parsed.headers.values(for: "X-A") == ["1", "2"])
        #expect(parsed.headers["x-b"] == "spaced")
    }

    @Test func malformedHeadsAre400() {
        #expect(failureStatus("GET / HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1\r\nX-A : 1\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1\r\nNoColon\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1\r\n: empty\r\n\r\n") == 400)
        #expect(failureStatus("GET  / HTTP/1.1\r\n\r\n") == 400)
        #expect(failureStatus("GET /\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1 \r\n\r\n") == 400)
        #expect(failureStatus(" GET / HTTP/1.1\r\n\r\n") == 400)
        #expect(failureStatus("GET / / HTTP/1.1\r\n\r\n") == 400)
        #expect(failureStatus("GET\t/ HTTP/1.1\r\n\r\n") == 400)
        #expect(failureStatus("G(T / HTTP/1.1\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1x\r\n\r\n") == 400)
        #expect(failureStatus("GET / http/1.1\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n") == 400)
        #expect(failureStatus("GET / HTTP/1.1\r\nX: a\u{01}\r\n\r\n") == 400)
    }

    @Test func versions() throws {
        #expect(try #require(request("GET / HTTP/1.0\r\n\r\n")).version == .http10)
        #expect(failureStatus("GET / HTTP/2.0\r\n\r\n") == 505)
        #expect(failureStatus("GET / HTTP/1.2\r\n\r\n") == 505)
    }

    @Test func contentLengthBody() throws {
        let parsed = try #require(request("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"))
        #expect(parsed.body == Array("hello".utf8))
        let repeated = try #require(request("POST /x HTTP/1.1\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc"))
        #expect(repeated.body == Array("abc".utf8))
    }

    @Test func invalidContentLengths() {
        for value in ["abc", "-1", "+5", "", "5 5", "0x10"] {
            #expect(failureStatus("POST / HTTP/1.1\r\nContent-Length: \(value)\r\n\r\n") == 400, "\(value)")
        }
        #expect(failureStatus("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") == 400)
        #expect(failureStatus("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999999999\r\n\r\n") == 413)
        #expect(failureStatus("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", maxBodyBytes: 10) == 413)
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let text = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        for byteAtATime in [false, true] {
            let parsed = try #require(request(text, byteAtATime: byteAtATime))
            #expect(parsed.body == Array("hello world".utf8))
            #expect(parsed.headers["X-Trailer"] == nil)
        }
    }

    @Test func chunkedErrors() {
        let head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(failureStatus(head + "zz\r\n") == 400)
        #expect(failureStatus(head + "5\r\nhelloX\r\n") == 400)
        #expect(failureStatus(head + "fffffffffffffffffffffffffff\r\n") == 413)
        #expect(failureStatus(head + "6\r\nhello \r\n6\r\nworld!\r\n", maxBodyBytes: 10) == 413)
        #expect(failureStatus(head + String(repeating: "0", count: 5000)) == 400)
        #expect(failureStatus("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") == 501)
        #expect(failureStatus("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") == 501)
        #expect(failureStatus("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n") == 400)
        #expect(failureStatus("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") == 400)
        #expect(failureStatus("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == 400)
    }

    @Test func headLimitIs431() {
        let big = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 200) + "\r\n\r\n"
        #expect(failureStatus(big, maxHeaderBytes: 100) == 431)
        // Also before the end of the head has arrived.
        #expect(failureStatus(String(big.prefix(150)), maxHeaderBytes: 100) == 431)
        #expect(request(big) != nil)
    }

    @Test func pipelinedRequestsComeInOrder() {
        let text = "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
            + "POST /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\nGET /4 HTTP/1.1\r\n\r\n"
        for byteAtATime in [false, true] {
            let events = parse(text, byteAtATime: byteAtATime)
            #expect(events.compactMap { $0.request?.target } == ["/1", "/2", "/3", "/4"])
            #expect(events.compactMap { $0.request?.body.count } == [0, 2, 1, 0])
        }
    }

    @Test func expectContinue() throws {
        let head = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
        var parser = RequestParser()
        parser.feed(Array(head.utf8))
        #expect(parser.next()?.isExpectContinue == true)
        #expect(parser.next() == nil)
        #expect(parser.stage == .body)
        parser.feed(Array("abc".utf8))
        #expect(parser.next()?.request?.body == Array("abc".utf8))
        #expect(parser.stage == .idle)
        // The body already arrived: no interim answer is needed.
        #expect(parse(head + "abc").count == 1)
        // Over the limit: 413 straight away, without asking for the body.
        #expect(failureStatus(head, maxBodyBytes: 2) == 413)
    }

    @Test func lineEndingsAndLeadingEmptyLines() throws {
        #expect(try #require(request("\r\n\r\nGET /a HTTP/1.1\nHost: x\n\n")).headers["Host"] == "x")
        #expect(failureStatus("GET /a HTTP/1.1\rHost: x\r\n\r\n") == 400)
    }

    @Test func stageAndFailureAreSticky() {
        var parser = RequestParser()
        #expect(parser.stage == .idle)
        parser.feed(Array("GET / HT".utf8))
        #expect(parser.next() == nil)
        #expect(parser.stage == .head)
        parser.feed(Array("TP/9.9\r\n\r\nGET / HTTP/1.1\r\n\r\n".utf8))
        #expect(parser.next()?.failure?.status.code == 505)
        #expect(parser.next() == nil)
    }

    @Test func arbitraryBytesNeverTrap() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("GET POST / HTTP/1.1\r\n:Content-Length: 9999999999 Transfer-Encoding chunked 0 f ;\t".utf8)
        for _ in 0..<2000 {
            var parser = RequestParser(maxHeaderBytes: 256, maxBodyBytes: 64)
            let length = Int(generator.next() % 300)
            let bytes = (0..<length).map { _ in
                generator.next() % 4 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            parser.feed(bytes)
            var guardCount = 0
            while parser.next() != nil && guardCount < 1000 { guardCount += 1 }
        }
    }
}

/// A deterministic generator, so a failing fuzz case reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
