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
        let sendsBody = !bodyless && requestMethod != .HEAD

        var out: [UInt8] = []
        out.reserveCapacity(256 + (sendsBody ? response.body.count : 0))
        append("HTTP/1.1 ", to: &out)
        out.appendDecimal(Int64(code))
        out.append(.space)
        out.append(contentsOf: response.status.reason.utf8)
        appendLineEnd(to: &out)
        for field in response.headers where !isFramingHeader(field.name) {
            appendField(field.name, field.value, to: &out)
        }
        for (name, value) in extraHeaders where !response.headers.contains(name) {
            appendField(name, value, to: &out)
        }
        if !response.headers.contains("Date") {
            append("Date: ", to: &out)
            appendSafely(date, to: &out)
            appendLineEnd(to: &out)
        }
        // A streamed body is chunked; HTTP/1.0 knows no chunks, so there it ends with the connection.
        let chunked = response.stream != nil && requestVersion != .http10
        if chunked && !bodyless {
            append("Transfer-Encoding: chunked\r\n", to: &out)
        } else if !bodyless && response.stream == nil {
            append("Content-Length: ", to: &out)
            out.appendDecimal(Int64(response.body.count))
            appendLineEnd(to: &out)
        }
        if !keepAlive {
            append("Connection: close\r\n", to: &out)
        } else if requestVersion == .http10 {
            append("Connection: keep-alive\r\n", to: &out)
        }
        appendLineEnd(to: &out)
        if sendsBody && response.stream == nil { out.append(contentsOf: response.body) }
        return out
    }

    /// The interim answer to `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    static func isFramingHeader(_ name: String) -> Bool {
        name.caseInsensitiveEquals("Content-Length") || name.caseInsensitiveEquals("Transfer-Encoding")
            || name.caseInsensitiveEquals("Connection")
    }

    /// CR and LF in names or values would let a value inject fields; they become spaces.
    private static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        appendSafely(name, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(.space)
        appendSafely(value, to: &out)
        appendLineEnd(to: &out)
    }

    /// Copied whole when free of CR and LF (always, but for an injection attempt).
    /// Written in a plain loop: `contains(where:)` with its closure cost twice as much per byte.
    private static func appendSafely(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = true
            for byte in bytes where byte == .cr || byte == .lf {
                clean = false
                break
            }
            if clean {
                out.append(contentsOf: bytes)
            } else {
                for byte in bytes { out.append(byte == .cr || byte == .lf ? .space : byte) }
            }
        }
    }

    /// Fixed text, copied from the binary's constant bytes.
    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func appendLineEnd(to out: inout [UInt8]) {
        out.append(.cr)
        out.append(.lf)
    }
}
