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

    /// `maxBodyBytes` gives the body limit for the request (its head parsed, without a body).
    static func parse(
        buffer: [UInt8], lines: [Range<Int>], maxBodyBytes: (HTTPRequest) -> Int
    ) throws(RequestParseError) -> RequestHead {
        guard let first = lines.first else { throw RequestParseError(.badRequest, "missing request line") }
        var request = try parseRequestLine(buffer[first])
        var headers = HTTPHeaders()
        for range in lines.dropFirst() {
            let (name, value) = try parseField(buffer[range])
            headers.add(name, value)
        }
        request.headers = headers
        let framing = try framing(of: request, maxBodyBytes: maxBodyBytes(request))
        let expectsContinue = request.version == .http11 && framing != .none && framing != .length(0)
            && (request.headers["Expect"]?.caseInsensitiveEquals("100-continue") ?? false)
        return RequestHead(request: request, framing: framing, expectsContinue: expectsContinue)
    }

    /// `method SP request-target SP HTTP/x.y`, single spaces, nothing else.
    static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(RequestParseError) -> HTTPRequest {
        guard let firstSpace = line.firstIndex(of: .space), let lastSpace = line.lastIndex(of: .space),
            firstSpace < lastSpace
        else { throw RequestParseError(.badRequest, "malformed request line") }
        let (method, target, version) = (
            line[..<firstSpace], line[(firstSpace + 1)..<lastSpace], line[(lastSpace + 1)...]
        )
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else {
            throw RequestParseError(.badRequest, "malformed method")
        }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw RequestParseError(.badRequest, "malformed request target")
        }
        let parsedVersion = try parseVersion(version)
        return HTTPRequest(
            method: HTTPMethod(String(decoding: method, as: UTF8.self)),
            target: String(decoding: target, as: UTF8.self),
            version: parsedVersion
        )
    }

    static func parseVersion(_ text: ArraySlice<UInt8>) throws(RequestParseError) -> HTTPVersion {
        let start = text.startIndex
        guard text.count == 8, text.starts(with: "HTTP/".utf8), text[start + 6] == UInt8(ascii: "."),
            isDigit(text[start + 5]), isDigit(text[start + 7])
        else { throw RequestParseError(.badRequest, "malformed HTTP version") }
        let version = HTTPVersion(major: Int(text[start + 5] - 48), minor: Int(text[start + 7] - 48))
        guard version == .http10 || version == .http11 else {
            throw RequestParseError(.httpVersionNotSupported, "\(version) is not supported")
        }
        return version
    }

    /// `name: OWS value OWS`. A leading space is obsolete line folding and a space before
    /// the colon is forbidden (RFC 9112 §5): both are rejected, not repaired.
    static func parseField(_ line: ArraySlice<UInt8>) throws(RequestParseError) -> (String, String) {
        guard let first = line.first, first != .space, first != .tab else {
            throw RequestParseError(.badRequest, "obsolete line folding in headers")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw RequestParseError(.badRequest, "header line without a colon")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw RequestParseError(.badRequest, "malformed header name")
        }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == .space || byte == .tab { value = value.dropFirst() }
        while let byte = value.last, byte == .space || byte == .tab { value = value.dropLast() }
        guard value.allSatisfy({ $0 == .tab || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw RequestParseError(.badRequest, "control character in header value")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
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

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 48...57: return true
        default: return tokenSymbols.contains(byte)
        }
    }

    private static let tokenSymbols: [UInt8] = Array("!#$%&'*+-.^_`|~".utf8)
}
