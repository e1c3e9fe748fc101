import Testing
@testable import HTTP1

/// The byte-level pieces of the parser and serializer against their plain definitions.
@Suite struct HeaderBytesTests {
    @Test func tokenBytesAreRFC9110Tchar() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(RequestHead.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test func caseInsensitiveEqualsFoldsLettersOnly() {
        #expect("Content-Length".caseInsensitiveEquals("content-LENGTH"))
        #expect("Content-Length"[...].caseInsensitiveEquals("content-length"))
        #expect(!"Content-Length".caseInsensitiveEquals("Content-Lengt"))
        #expect(!"Content-Length".caseInsensitiveEquals("Content-Lengths"))
        // `@` and `` ` `` differ from each other by the case bit, yet are not letters.
        #expect(!"a@".caseInsensitiveEquals("a`"))
        #expect(!"[".caseInsensitiveEquals("{"))
        #expect("".caseInsensitiveEquals(""))
        #expect("é".caseInsensitiveEquals("é"))
        #expect(!"é".caseInsensitiveEquals("É"))
    }

    @Test func framingNamesInAnyCase() throws {
        for (text, framing) in [
            ("CONTENT-LENGTH: 2", true), ("transfer-encoding: chunked", true), ("Content-Lengthy: 2", false),
            ("Content-Type: x", false),
        ] {
            let line = Array(text.utf8)
            let isFraming = try line.withUnsafeBufferPointer { bytes in
                RequestHead.isFramingName(UnsafeBufferPointer(rebasing: bytes[try RequestHead.parseField(bytes).name]))
            }
            #expect(isFraming == framing, "\(text)")
        }
    }

    @Test func headersContainValueCaseInsensitively() {
        let headers: HTTPHeaders = ["X-A": "1", "connection": "Close"]
        #expect(headers.contains("Connection", value: "close"))
        #expect(!headers.contains("Connection", value: "keep-alive"))
        #expect(!headers.contains("X-B", value: "1"))
    }

    @Test func decimalDigitsWithoutStrings() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, 1_000_000, Int.max, -1, Int.min] {
            var out: [UInt8] = Array("x".utf8)
            out.appendDecimal(Int64(value))
            out.removeFirst()
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
