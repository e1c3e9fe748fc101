import StructuredData

/// A parsed request. The body is complete: the server reads it (within limits) before handling.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target as sent: path plus optional `?query`.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:], body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The path without the query, percent-decoding left to the router (per segment). An
    /// absolute-form target (`http://host/path`, as sent to proxies) is served by its path.
    public var path: Substring {
        var path = target[...]
        // Searched as bytes (the marks are ASCII): read several times per request, and
        // `Character` iteration cost more than routing.
        if path.utf8.first != UInt8(ascii: "/"), let scheme = path.range(of: "://") {
            let afterAuthority = path[scheme.upperBound...]
            path = afterAuthority.utf8.firstIndex(of: UInt8(ascii: "/")).map { afterAuthority[$0...] } ?? "/"
        }
        guard let mark = path.utf8.firstIndex(of: UInt8(ascii: "?")) else { return path }
        return path[..<mark]
    }

    public var queryString: Substring {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return target[target.index(after: mark)...]
    }

    /// Query items, percent-decoded, in order; repeated names kept.
    public var queryItems: [(name: String, value: String)] {
        queryString.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (FormDecoder.percentDecode(parts[0]), parts.count > 1 ? FormDecoder.percentDecode(parts[1]) : "")
        }
    }

    public func query(_ name: String) -> String? { queryItems.first(where: { $0.name == name })?.value }

    /// HTTP/1.1 defaults to keep-alive, HTTP/1.0 to close; the `Connection` header overrides.
    public var keepAlive: Bool {
        let tokens = headers.values(for: "Connection").flatMap { $0.split(separator: ",") }
            .map { $0.trimmedWhitespace() }
        if tokens.contains(where: { $0.caseInsensitiveEquals("close") }) { return false }
        if version == .http10 { return tokens.contains(where: { $0.caseInsensitiveEquals("keep-alive") }) }
        return true
    }
}

public struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(major: Int, minor: Int) { self.major = major; self.minor = minor }
    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}
