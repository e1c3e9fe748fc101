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
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(code).utf8)
        out.append(.space)
        out.append(contentsOf: response.status.reason.utf8)
        out.append(contentsOf: [.cr, .lf])
        for field in response.headers where !isFramingHeader(field.name) {
            appendField(field.name, field.value, to: &out)
        }
        for (name, value) in extraHeaders where !response.headers.contains(name) {
            appendField(name, value, to: &out)
        }
        if !response.headers.contains("Date") { appendField("Date", date, to: &out) }
        // A streamed body is chunked; HTTP/1.0 knows no chunks, so there it ends with the connection.
        let chunked = response.stream != nil && requestVersion != .http10
        if chunked && !bodyless {
            appendField("Transfer-Encoding", "chunked", to: &out)
        } else if !bodyless && response.stream == nil {
            appendField("Content-Length", String(response.body.count), to: &out)
        }
        if !keepAlive {
            appendField("Connection", "close", to: &out)
        } else if requestVersion == .http10 {
            appendField("Connection", "keep-alive", to: &out)
        }
        out.append(contentsOf: [.cr, .lf])
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
        out.append(contentsOf: [UInt8(ascii: ":"), .space])
        appendSafely(value, to: &out)
        out.append(contentsOf: [.cr, .lf])
    }

    /// Copied whole when free of CR and LF (always, but for an injection attempt).
    private static func appendSafely(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if bytes.contains(where: { $0 == .cr || $0 == .lf }) {
                for byte in bytes { out.append(byte == .cr || byte == .lf ? .space : byte) }
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
