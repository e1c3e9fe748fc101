import StructuredData

/// Turns a response into the exact bytes for the wire, in one buffer, so the server can write
/// it with a single `send` (a header/body split write stalls keep-alive clients on Nagle and
/// delayed ACKs for 40 ms).
///
/// The serializer owns the framing: it drops any `Content-Length`, `Transfer-Encoding` or
/// `Connection` the response carries and writes its own.
public enum ResponseSerializer {
    public static func serialize(
        _ response: HTTPResponse,
        requestMethod: HTTPMethod = .GET,
        requestVersion: HTTPVersion = .http11,
        keepAlive: Bool,
        extraHeaders: [(String, String)] = [],
        date: String = HTTPDate.now()
    ) -> [UInt8] {
        let code = response.status.code
        // RFC 9110 §8.6: no Content-Length and no content for 1xx, 204 and 304.
        let bodyless = (100..<200).contains(code) || code == 204 || code == 304
        let sendsBody = !bodyless && requestMethod != .HEAD && response.stream == nil
        // A streamed body is chunked; HTTP/1.0 knows no chunks, so there it ends with the connection.
        let chunked = response.stream != nil && requestVersion != .http10

        // The head's size, at most: the answer is written into one allocation, by pointer,
        // instead of growing an array append by append.
        var size = 14 + DecimalDigits.maximumCount + response.status.reason.utf8.count
        var hasDate = false
        for field in response.headers {
            size += field.name.utf8.count + field.value.utf8.count + 4
            hasDate = hasDate || (field.name.utf8.count == 4 && field.name.caseInsensitiveEquals("Date"))
        }
        for (name, value) in extraHeaders { size += name.utf8.count + value.utf8.count + 4 }
        size += 8 + date.utf8.count + 18 + DecimalDigits.maximumCount + 2 + 28 + 24 + 2
        let body = sendsBody ? response.body : []

        return [UInt8](unsafeUninitializedCapacity: size + body.count) { buffer, count in
            var out = Writer(base: buffer.baseAddress!)
            out.write("HTTP/1.1 ")
            out.writeDecimal(Int64(code))
            out.write(" ")
            out.writeSafely(response.status.reason)
            out.write("\r\n")
            for field in response.headers where !isFramingHeader(field.name) {
                out.writeField(field.name, field.value)
            }
            for (name, value) in extraHeaders where !response.headers.contains(name) {
                out.writeField(name, value)
            }
            if !hasDate { out.writeField("Date", date) }
            if chunked && !bodyless {
                out.write("Transfer-Encoding: chunked\r\n")
            } else if !bodyless && response.stream == nil {
                out.write("Content-Length: ")
                out.writeDecimal(Int64(response.body.count))
                out.write("\r\n")
            }
            if !keepAlive {
                out.write("Connection: close\r\n")
            } else if requestVersion == .http10 {
                out.write("Connection: keep-alive\r\n")
            }
            out.write("\r\n")
            body.withUnsafeBufferPointer { out.write($0) }
            count = out.offset
        }
    }

    /// The interim answer to `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// By length first (a native string knows it): most names are none of the three.
    static func isFramingHeader(_ name: String) -> Bool {
        switch name.utf8.count {
        case 14: name.caseInsensitiveEquals("Content-Length")
        case 17: name.caseInsensitiveEquals("Transfer-Encoding")
        case 10: name.caseInsensitiveEquals("Connection")
        default: false
        }
    }

    /// Writes into memory sized beforehand (see `serialize`).
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var offset = 0

        /// Fixed text, copied from the binary's constant bytes.
        mutating func write(_ text: StaticString) {
            (base + offset).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            offset += text.utf8CodeUnitCount
        }

        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let start = bytes.baseAddress else { return }
            (base + offset).update(from: start, count: bytes.count)
            offset += bytes.count
        }

        mutating func writeDecimal(_ value: Int64) {
            offset += DecimalDigits.write(value, to: base + offset)
        }

        mutating func writeField(_ name: String, _ value: String) {
            writeSafely(name)
            write(": ")
            writeSafely(value)
            write("\r\n")
        }

        /// CR and LF in names or values would let a value inject fields; they become spaces.
        /// Copied whole, then looked through eight bytes at a time for either.
        mutating func writeSafely(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                var index = offset
                write(bytes)
                while index + 8 <= offset,
                    !Self.hasLineBreak(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                }
                for index in index..<offset where base[index] == .cr || base[index] == .lf { base[index] = .space }
            }
        }

        /// Whether one of the eight bytes is CR or LF (the classic "has a zero byte" test on
        /// the word XORed with each).
        static func hasLineBreak(_ word: UInt64) -> Bool {
            func hasZeroByte(_ x: UInt64) -> Bool { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 }
            return hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D) || hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A)
        }
    }
}
