import StructuredData

/// A parsed request. The body is complete: the server reads it (within limits) before handling,
/// into memory, or into a file for the routes that take documents of any size (`spooled`).
/// A value with its fields in one copy-on-write box: a request is copied into several
/// closures on its way through the server, and each copy then retains one object, not four.
public struct HTTPRequest: Sendable {
    private final class Storage: @unchecked Sendable {
        // Mutated only while uniquely referenced (see `unique`).
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
        var body: [UInt8]
        var spooled: SpooledBody?

        init(
            method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders, body: [UInt8],
            spooled: SpooledBody? = nil
        ) {
            self.method = method
            self.target = target
            self.version = version
            self.headers = headers
            self.body = body
            self.spooled = spooled
        }
    }

    private var storage: Storage

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:], body: [UInt8] = []
    ) {
        storage = Storage(method: method, target: target, version: version, headers: headers, body: body)
    }

    public var method: HTTPMethod {
        get { storage.method }
        set { unique().method = newValue }
    }

    /// The request-target as sent: path plus optional `?query`.
    public var target: String {
        get { storage.target }
        set { unique().target = newValue }
    }

    public var version: HTTPVersion {
        get { storage.version }
        set { unique().version = newValue }
    }

    // The collections are modified in place (`_modify`): with get/set, `body.append` would
    // copy the whole body once per chunk of a chunked upload.
    public var headers: HTTPHeaders {
        get { storage.headers }
        _modify { yield &unique().headers }
    }

    public var body: [UInt8] {
        get { storage.body }
        _modify { yield &unique().body }
    }

    /// The body, when the server kept it in a file (see `ServerConfiguration.spooledBodies`);
    /// `body` is empty then.
    public var spooled: SpooledBody? {
        get { storage.spooled }
        set { unique().spooled = newValue }
    }

    /// Runs `read` over the body wherever it is: in memory, or mapped from its file.
    public func withBody<T>(_ read: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        if let spooled { return try spooled.withBytes(read) }
        return try body.withUnsafeBufferPointer(read)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(
                method: storage.method, target: storage.target, version: storage.version, headers: storage.headers,
                body: storage.body, spooled: storage.spooled)
        }
        return storage
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
        // Through the contiguous bytes: `UTF8View.firstIndex` cost 470 instructions a call.
        let utf8 = path.utf8
        let offset = utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: UInt8(ascii: "?")) }
            ?? utf8.firstIndex(of: UInt8(ascii: "?")).map { utf8.distance(from: utf8.startIndex, to: $0) }
        guard let offset else { return path }
        return path[..<utf8.index(utf8.startIndex, offsetBy: offset)]
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
        var asksToKeep = false
        for field in headers where field.name.caseInsensitiveEquals("Connection") {
            for token in field.value.split(separator: ",") {
                let option = token.trimmedWhitespace()
                if option.caseInsensitiveEquals("close") { return false }
                if option.caseInsensitiveEquals("keep-alive") { asksToKeep = true }
            }
        }
        return version == .http10 ? asksToKeep : true
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
