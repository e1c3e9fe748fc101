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
    }

    public private(set) var routes: [Route] = []
    /// The patterns, matched without the generic handlers (see `RouteTable`).
    @usableFromInline var table = RouteTable()

    public init() {}

    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: Handler) {
        table.add(method, RouteTable.compile(pattern))
        routes.append(Route(method: method, pattern: pattern, handler: handler))
    }

    /// Inlinable, so the caller's module specialises it for its handler type: unspecialised,
    /// the generic metadata it looks up cost a third of routing.
    @inlinable
    public func match(_ method: HTTPMethod, path: Substring) -> RouteMatch<Handler> {
        switch table.match(method, path: path) {
        case .found(let index, let parameters):
            let route = routes[index]
            return .found(route.handler, parameters, pattern: route.pattern)
        case .methodNotAllowed(let allowed): return .methodNotAllowed(allowed: allowed)
        case .notFound: return .notFound
        }
    }
}

/// The compiled patterns, by their index in `Router.routes`. Not generic on purpose: matching
/// runs for every route on every request, and generic code called from other modules runs
/// unspecialised, paying runtime generic-metadata lookups (once most of the routing cost).
@usableFromInline
struct RouteTable: Sendable {
    @usableFromInline
    enum Match {
        case found(Int, PathParameters)
        case methodNotAllowed([HTTPMethod])
        case notFound
    }

    private var methods: [HTTPMethod] = []
    private var patterns: [[RouteSegment]] = []
    /// The indices of the routes with as many segments as the index here, in the order
    /// added: a path is only compared with the routes it can match.
    private var bySegmentCount: [[Int]] = []

    mutating func add(_ method: HTTPMethod, _ segments: [RouteSegment]) {
        while bySegmentCount.count <= segments.count { bySegmentCount.append([]) }
        bySegmentCount[segments.count].append(patterns.count)
        methods.append(method)
        patterns.append(segments)
    }

    /// Over the path's bytes: the segments are ranges in a stack buffer, never `Substring`s.
    @usableFromInline
    func match(_ method: HTTPMethod, path: Substring) -> Match {
        if let match = path.utf8.withContiguousStorageIfAvailable({ match(method, bytes: $0) }) { return match }
        return Array(path.utf8).withUnsafeBufferPointer { match(method, bytes: $0) }
    }

    private func match(_ method: HTTPMethod, bytes: UnsafeBufferPointer<UInt8>) -> Match {
        let count = Self.segmentCount(bytes)
        guard count < bySegmentCount.count else { return .notFound }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(1, count)) { segments in
            Self.findSegments(bytes, into: segments)
            var allowed: [HTTPMethod] = []
            for index in bySegmentCount[count] {
                guard let parameters = RouteSegment.bind(patterns[index], to: segments, of: bytes) else { continue }
                let routeMethod = methods[index]
                if routeMethod == method || (method == .HEAD && routeMethod == .GET) {
                    return .found(index, parameters)
                }
                if !allowed.contains(routeMethod) { allowed.append(routeMethod) }
            }
            return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
        }
    }

    static func compile(_ pattern: String) -> [RouteSegment] {
        pattern.split(separator: "/").map { part in
            guard part.first == "{", part.last == "}" else { return .literal(Array(part.utf8)) }
            let inner = part.dropFirst().dropLast()
            let pieces = inner.split(separator: ":", maxSplits: 1)
            return .parameter(String(pieces[0]), integer: pieces.count > 1 && pieces[1] == "int")
        }
    }

    /// The non-empty segments between slashes.
    static func segmentCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previous = UInt8(ascii: "/")
        for byte in bytes {
            if previous == UInt8(ascii: "/") && byte != UInt8(ascii: "/") { count += 1 }
            previous = byte
        }
        return count
    }

    /// Writes the ranges of the non-empty segments, as many as `segmentCount` counted.
    static func findSegments(_ bytes: UnsafeBufferPointer<UInt8>, into segments: UnsafeMutableBufferPointer<Range<Int>>) {
        var found = 0
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            if start != index {
                segments.initializeElement(at: found, to: start..<index)
                found += 1
            }
            start = index + 1
        }
    }
}

/// One segment of a route pattern.
enum RouteSegment: Sendable, Equatable {
    case literal([UInt8])
    case parameter(String, integer: Bool)

    static func bind(
        _ pattern: [RouteSegment], to segments: UnsafeMutableBufferPointer<Range<Int>>, of path: UnsafeBufferPointer<UInt8>
    ) -> PathParameters? {
        // Literals first, compared as bytes, from the last: most routes fail there, before any
        // decoding, and they share their first segments (`api`, `v1`) and differ in the last.
        for index in pattern.indices.reversed() {
            guard case .literal(let literal) = pattern[index] else { continue }
            guard path[segments[index]].elementsEqual(literal) else { return nil }
        }
        var parameters = PathParameters()
        for index in pattern.indices {
            guard case .parameter(let name, let integer) = pattern[index] else { continue }
            let segment = UnsafeBufferPointer(rebasing: path[segments[index]])
            let decoded = decode(segment)
            if integer && (decoded.isEmpty || decoded.utf8.count > 18 || !decoded.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }) {
                return nil
            }
            parameters.values.append((name, decoded))
        }
        return parameters
    }

    /// Percent-decoded (and `+` as a space, as `FormDecoder` has it), copied as is when it
    /// holds neither, as almost every segment.
    static func decode(_ segment: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: segment, as: UTF8.self)
        guard segment.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return text }
        return FormDecoder.percentDecode(text)
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
