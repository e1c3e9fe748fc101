import Testing
@testable import HTTP1

@Suite struct ResponseSerializerTests {
    func text(_ response: HTTPResponse, method: HTTPMethod = .GET, version: HTTPVersion = .http11,
              keepAlive: Bool = true, extra: [(String, String)] = []) -> String {
        String(decoding: ResponseSerializer.serialize(
            response, requestMethod: method, requestVersion: version, keepAlive: keepAlive,
            extraHeaders: extra, date: "Sun, 06 Nov 1994 08:49:37 GMT"), as: UTF8.self)
    }

    @Test func statusHeadersLengthAndBody() {
        let response = HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hi".utf8))
        #expect(text(response) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
            + "Content-Length: 2\r\n\r\nhi")
    }

    @Test func bodylessStatusesHaveNoLengthOrBody() {
        for status in [HTTPStatus.noContent, HTTPStatus(304, "Not Modified"), .continue] {
            let output = text(HTTPResponse(status: status, body: Array("x".utf8)))
            #expect(!output.contains("Content-Length"))
            #expect(output.hasSuffix("\r\n\r\n"))
        }
    }

    @Test func headKeepsTheGetLengthWithoutTheBody() {
        let output = text(HTTPResponse(status: .ok, body: Array("hello".utf8)), method: .HEAD)
        #expect(output.contains("Content-Length: 5\r\n"))
        #expect(output.hasSuffix("\r\n\r\n"))
    }

    @Test func connectionHeader() {
        #expect(text(.empty(.ok), keepAlive: false).contains("Connection: close\r\n"))
        #expect(text(.empty(.ok), version: .http10).contains("Connection: keep-alive\r\n"))
        #expect(!text(.empty(.ok)).contains("Connection"))
    }

    @Test func framingHeadersAreTheSerializers() {
        let response = HTTPResponse(status: .ok, headers: ["Content-Length": "99", "Transfer-Encoding": "chunked",
                                                           "Connection": "close"], body: [1])
        let output = text(response)
        #expect(output.contains("Content-Length: 1\r\n"))
        #expect(!output.contains("Length: 99") && !output.contains("chunked") && !output.contains("Connection"))
    }

    @Test func extraHeadersUnlessTheResponseSetsThem() {
        let response = HTTPResponse(status: .ok, headers: ["Access-Control-Allow-Origin": "https://a"])
        let output = text(response, extra: [("Access-Control-Allow-Origin", "*"), ("X-Extra", "1")])
        #expect(output.contains("Access-Control-Allow-Origin: https://a\r\n"))
        #expect(!output.contains("Origin: *"))
        #expect(output.contains("X-Extra: 1\r\n"))
    }

    @Test func lineBreaksCannotInjectFields() {
        let output = text(HTTPResponse(status: .ok, headers: ["X": "a\r\nSet-Cookie: b"]))
        #expect(output.contains("X: a  Set-Cookie: b\r\n"))
    }

    /// The value is looked through eight bytes at a time: a break in any position, in the
    /// name too, becomes a space.
    @Test func aLineBreakAnywhereInALongValueBecomesASpace() {
        for position in 0..<24 {
            for mark in ["\r", "\n"] {
                var value = Array(repeating: "v", count: 24)
                value[position] = mark
                let output = text(HTTPResponse(status: .ok, headers: ["X-Long-Name-Of-A-Field": value.joined()]))
                let expected = "X-Long-Name-Of-A-Field: " + String(repeating: "v", count: position) + " "
                    + String(repeating: "v", count: 23 - position) + "\r\n"
                #expect(output.contains(expected), "\(position) \(mark.debugDescription)")
            }
        }
        let output = text(HTTPResponse(status: .ok, headers: ["X-Injected\r\nSet-Cookie": "1"]))
        #expect(output.contains("X-Injected  Set-Cookie: 1\r\n"))
    }

    @Test func framingHeadersInAnyCaseAreDropped() {
        let response = HTTPResponse(status: .ok, headers: ["content-length": "99", "TRANSFER-ENCODING": "chunked",
                                                           "connection": "close", "DATE": "then"], body: [1])
        let output = text(response)
        #expect(!output.contains("99") && !output.contains("chunked") && !output.contains("close"))
        #expect(output.contains("DATE: then\r\n") && !output.contains("Date: "))
    }

    @Test func imfFixdate() {
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.now().hasSuffix(" GMT"))
    }
}
