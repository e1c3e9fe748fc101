import StructuredData

/// Routes by method and path pattern. Patterns are literal segments and parameters:
/// `/datacenter/server/{sid:int}/status`, where `{name}` matches any one segment and
/// `{name:int}` only a non-negative integer. A trailing slash on the request is tolerated.
/// The router tells "no such path" (404) from "path exists, wrong method" (405), so each
/// API can render both in its own error format. `HEAD` is served by `GET` routes.
public struct Router<Handler: Sendable>: Sendable {
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let pattern: String
        public let handler: Handler
        let segments: [RouteSegment]
    }

    public private(set) var routes: [Route] = []
    /// The indices in `routes` of the routes with as many segments as the index here, in the
    /// order added: a path is only compared with the routes it can match.
    private var bySegmentCount: [[Int]] = []

    public init() {}

    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: Handler) {
        let route = Route(method: method, pattern: pattern, handler: handler, segments: Self.compile(pattern))
        while bySegmentCount.count <= route.segments.count { bySegmentCount.append([]) }
        bySegmentCount[route.segments.count].append(routes.count)
        routes.append(route)
    }

    public func match(_ method: HTTPMethod, path: Substring) -> RouteMatch<Handler> {
        let segments = Self.split(path)
        var allowed: [HTTPMethod] = []
        guard segments.count < bySegmentCount.count else { return .notFound }
        for index in bySegmentCount[segments.count] {
            let route = routes[index]
            guard let parameters = RouteSegment.bind(route.segments, to: segments) else { continue }
            if route.method == method || (method == .HEAD && route.method == .GET) {
                return .found(route.handler, parameters, pattern: route.pattern)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    static func compile(_ pattern: String) -> [RouteSegment] {
        pattern.split(separator: "/").map { part in
            guard part.first == "{", part.last == "}" else { return .literal(String(part)) }
            let inner = part.dropFirst().dropLast()
            let pieces = inner.split(separator: ":", maxSplits: 1)
            return .parameter(String(pieces[0]), integer: pieces.count > 1 && pieces[1] == "int")
        }
    }

    /// The non-empty segments between slashes, found as bytes: `split` on a `Substring`
    /// compares `Character`s, which cost as much as the rest of routing.
    static func split(_ path: Substring) -> [Substring] {
        var segments: [Substring] = []
        segments.reserveCapacity(8)
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if start != index { segments.append(path[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { segments.append(path[start...]) }
        return segments
    }
}

/// One segment of a route pattern. Outside the generic `Router` on purpose: matching runs for
/// every route on every request, and as a member of `Router<Handler>` it was compiled
/// unspecialized, paying runtime generic-metadata lookups per route (most of the routing cost).
enum RouteSegment: Sendable, Equatable {
    case literal(String)
    case parameter(String, integer: Bool)

    static func bind(_ pattern: [RouteSegment], to segments: [Substring]) -> PathParameters? {
        guard pattern.count == segments.count else { return nil }
        // Literals first, compared as bytes, from the last: most routes fail there, before any
        // decoding, and they share their first segments (`api`, `v1`) and differ in the last.
        for index in pattern.indices.reversed() {
            guard case .literal(let literal) = pattern[index] else { continue }
            guard segments[index].utf8.elementsEqual(literal.utf8) else { return nil }
        }
        var parameters = PathParameters()
        for index in pattern.indices {
            let actual = segments[index]
            switch pattern[index] {
            case .literal:
                continue
            case .parameter(let name, let integer):
                let decoded = FormDecoder.percentDecode(actual)
                if integer && (decoded.isEmpty || decoded.count > 18 || !decoded.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }) {
                    return nil
                }
                parameters.values.append((name, decoded))
            }
        }
        return parameters
    }
}

public enum RouteMatch<Handler: Sendable>: Sendable {
    case found(Handler, PathParameters, pattern: String)
    case methodNotAllowed(allowed: [HTTPMethod])
    case notFound
}

public struct PathParameters: Sendable {
    var values: [(String, String)] = []
    public init() {}
    public subscript(name: String) -> String? { values.first(where: { $0.0 == name })?.1 }
    /// Integer parameters were checked by the pattern; this cannot fail for `{name:int}`.
    public func int(_ name: String) -> Int { self[name].flatMap { Int($0) } ?? -1 }
}
