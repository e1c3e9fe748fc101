/// The request line and header fields of one request, checked, with the body framing they declare.
struct RequestHead {
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var request: HTTPRequest
    var framing: Framing
    var expectsContinue: Bool

    /// `maxBodyBytes` gives the body limit for the request (its head parsed, without a body);
    /// it is not called for a request without `Content-Length` or `Transfer-Encoding`.
    /// The lines are ranges of `buffer`. Everything is scanned through the buffer's pointer:
    /// generic slices of the parser's array cost several times as much per byte.
    static func parse(
        buffer: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], maxBodyBytes: (HTTPRequest) -> Int
    ) throws(RequestParseError) -> RequestHead {
        guard let first = lines.first else { throw RequestParseError(.badRequest, "missing request line") }
        var request = try parseRequestLine(UnsafeBufferPointer(rebasing: buffer[first]))
        var headers = HTTPHeaders()
        headers.reserveCapacity(lines.count - 1)
        // Only a request that names a framing field pays for `framing(of:)`.
        var declaresFraming = false
        for range in lines.dropFirst() {
            let line = UnsafeBufferPointer(rebasing: buffer[range])
            let (name, value) = try parseField(line)
            declaresFraming = declaresFraming || isFramingName(UnsafeBufferPointer(rebasing: line[name]))
            headers.add(string(line, name), string(line, value))
        }
        request.headers = headers
        // The limit is asked for only when there may be a body to apply it to.
        let framing = declaresFraming ? try framing(of: request, maxBodyBytes: maxBodyBytes(request)) : .none
        let expectsContinue = request.version == .http11 && framing != .none && framing != .length(0)
            && (request.headers["Expect"]?.caseInsensitiveEquals("100-continue") ?? false)
        return RequestHead(request: request, framing: framing, expectsContinue: expectsContinue)
    }

    /// `method SP request-target SP HTTP/x.y`, single spaces, nothing else.
    static func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(RequestParseError) -> HTTPRequest {
        guard let firstSpace = line.firstIndex(of: .space), let lastSpace = line.lastIndex(of: .space),
            firstSpace < lastSpace
        else { throw RequestParseError(.badRequest, "malformed request line") }
        let method = 0..<firstSpace
        let target = (firstSpace + 1)..<lastSpace
        guard !method.isEmpty, method.allSatisfy({ isTokenByte(line[$0]) }) else {
            throw RequestParseError(.badRequest, "malformed method")
        }
        guard !target.isEmpty, target.allSatisfy({ line[$0] > 0x20 && line[$0] < 0x7F }) else {
            throw RequestParseError(.badRequest, "malformed request target")
        }
        let version = try parseVersion(UnsafeBufferPointer(rebasing: line[(lastSpace + 1)...]))
        return HTTPRequest(
            method: knownMethod(UnsafeBufferPointer(rebasing: line[method])) ?? HTTPMethod(string(line, method)),
            target: string(line, target), version: version)
    }

    static func parseVersion(_ text: UnsafeBufferPointer<UInt8>) throws(RequestParseError) -> HTTPVersion {
        guard text.count == 8, text[0] == UInt8(ascii: "H"), text[1] == UInt8(ascii: "T"),
            text[2] == UInt8(ascii: "T"), text[3] == UInt8(ascii: "P"), text[4] == UInt8(ascii: "/"),
            text[6] == UInt8(ascii: "."), isDigit(text[5]), isDigit(text[7])
        else { throw RequestParseError(.badRequest, "malformed HTTP version") }
        let version = HTTPVersion(major: Int(text[5] - 48), minor: Int(text[7] - 48))
        guard version == .http10 || version == .http11 else {
            throw RequestParseError(.httpVersionNotSupported, "\(version) is not supported")
        }
        return version
    }

    /// `name: OWS value OWS`, as the ranges of the name and the trimmed value in `line`. A
    /// leading space is obsolete line folding and a space before the colon is forbidden
    /// (RFC 9112 §5): both are rejected, not repaired.
    static func parseField(
        _ line: UnsafeBufferPointer<UInt8>
    ) throws(RequestParseError) -> (name: Range<Int>, value: Range<Int>) {
        guard let first = line.first, first != .space, first != .tab else {
            throw RequestParseError(.badRequest, "obsolete line folding in headers")
        }
        // One pass: the name's bytes are tokens up to the colon.
        var colon = 0
        while colon < line.count, isTokenByte(line[colon]) { colon += 1 }
        guard colon < line.count, line[colon] == UInt8(ascii: ":") else {
            throw line[colon...].contains(UInt8(ascii: ":"))
                ? RequestParseError(.badRequest, "malformed header name")
                : RequestParseError(.badRequest, "header line without a colon")
        }
        guard colon > 0 else { throw RequestParseError(.badRequest, "malformed header name") }
        var start = colon + 1
        var end = line.count
        while start < end, line[start] == .space || line[start] == .tab { start += 1 }
        while end > start, line[end - 1] == .space || line[end - 1] == .tab { end -= 1 }
        guard (start..<end).allSatisfy({ line[$0] == .tab || (line[$0] >= 0x20 && line[$0] != 0x7F) }) else {
            throw RequestParseError(.badRequest, "control character in header value")
        }
        return (0..<colon, start..<end)
    }

    private static func string(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
    }

    /// The common methods, as the constants: no `String` to decode.
    private static func knownMethod(_ method: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        switch method.count {
        case 3 where method.elementsEqual(UnsafeBufferPointer(staticName: "GET")): return .GET
        case 4 where method.elementsEqual(UnsafeBufferPointer(staticName: "POST")): return .POST
        case 3 where method.elementsEqual(UnsafeBufferPointer(staticName: "PUT")): return .PUT
        case 6 where method.elementsEqual(UnsafeBufferPointer(staticName: "DELETE")): return .DELETE
        default: return nil
        }
    }

    /// `Content-Length` or `Transfer-Encoding`, in any case: by length, then folded bytes.
    static func isFramingName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 14: return ASCIICase.equal(name, UnsafeBufferPointer(staticName: "content-length"))
        case 17: return ASCIICase.equal(name, UnsafeBufferPointer(staticName: "transfer-encoding"))
        default: return false
        }
    }

    static func framing(of request: HTTPRequest, maxBodyBytes: Int) throws(RequestParseError) -> Framing {
        let transferEncodings = request.headers.values(for: "Transfer-Encoding")
        let contentLengths = request.headers.values(for: "Content-Length")
        if !transferEncodings.isEmpty {
            guard contentLengths.isEmpty else {
                throw RequestParseError(.badRequest, "both Content-Length and Transfer-Encoding")
            }
            guard request.version == .http11 else {
                throw RequestParseError(.badRequest, "Transfer-Encoding in an HTTP/1.0 request")
            }
            let codings = transferEncodings.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.trimmedWhitespace().lowercased() }
            guard codings.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isTokenByte) }) else {
                throw RequestParseError(.badRequest, "malformed Transfer-Encoding")
            }
            if let unknown = codings.first(where: { $0 != "chunked" }) {
                throw RequestParseError(.notImplemented, "transfer coding \(unknown) is not supported")
            }
            guard codings.count == 1 else { throw RequestParseError(.badRequest, "chunked applied more than once") }
            return .chunked
        }
        guard !contentLengths.isEmpty else { return .none }
        let values = contentLengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmedWhitespace() }
        guard let declared = values.first, values.allSatisfy({ $0 == declared }),
            !declared.isEmpty, declared.utf8.allSatisfy(isDigit)
        else { throw RequestParseError(.badRequest, "invalid or conflicting Content-Length") }
        guard let length = declared.utf8.decimalValue, length <= maxBodyBytes else {
            throw RequestParseError(.contentTooLarge, "body exceeds \(maxBodyBytes) bytes")
        }
        return .length(Int(length))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// RFC 9110 `tchar`: ALPHA, DIGIT and `!#$%&'*+-.^_`|~`, as bits by byte value (bit n of
    /// the first mask for bytes below 64, of the second for 64...127): one shift and test.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        byte < 64 ? (tokenBitsBelow64 >> UInt64(byte)) & 1 != 0
            : byte < 128 && (tokenBitsFrom64 >> UInt64(byte - 64)) & 1 != 0
    }

    static let tokenBitsBelow64: UInt64 = 0x03FF_6CFA_0000_0000
    static let tokenBitsFrom64: UInt64 = 0x57FF_FFFF_C7FF_FFFE
}

extension UnsafeBufferPointer<UInt8> {
    /// The UTF-8 of a constant name, kept for the life of the process.
    init(staticName: StaticString) {
        self.init(start: staticName.utf8Start, count: staticName.utf8CodeUnitCount)
    }
}
