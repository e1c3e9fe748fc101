import HTTP1
import SandboxCore

/// One emulated API (or the control plane): the paths it owns, its routes and its error format.
/// A class: it is looked up and passed along on every request, and a reference is one retain.
public final class APIService: Sendable {
    public let name: String
    /// What every route's pattern is relative to.
    public let prefix: String
    /// The paths under `prefix` that the service owns; empty: all of them.
    public let sections: [String]
    public let routes: [APIRoute]
    public let errors: any ErrorFormat
    /// What the OpenAPI document says of the service as a whole.
    public let documentation: ServiceDocumentation
    public let router: Router<RouteHandler>
    /// The routes whose body is one whole document the handler reads itself (a snapshot, a
    /// scenario: `InputDeclaration.document`), which may be of any size.
    let documentRouter: Router<Bool>
    /// The methods of those routes: every other request is ruled out without routing it.
    private let documentMethods: Set<HTTPMethod>
    /// `prefix` and `sections` as bytes: `owns` runs for every service on every request.
    private let prefixBytes: [UInt8]
    private let sectionBytes: [[UInt8]]

    public init(
        name: String, prefix: String, sections: [String] = [], routes: [APIRoute], errors: any ErrorFormat,
        documentation: ServiceDocumentation
    ) {
        self.name = name
        self.prefix = prefix
        self.sections = sections
        self.routes = routes
        self.errors = errors
        self.documentation = documentation
        var router = Router<RouteHandler>()
        var documentRouter = Router<Bool>()
        var documentMethods = Set<HTTPMethod>()
        for route in routes {
            router.add(route.method, prefix + route.pattern, route.handler)
            if route.input.document != nil {
                documentRouter.add(route.method, prefix + route.pattern, true)
                documentMethods.insert(route.method)
            }
        }
        self.router = router
        self.documentRouter = documentRouter
        self.documentMethods = documentMethods
        prefixBytes = Array(prefix.utf8)
        sectionBytes = sections.map { Array($0.utf8) }
    }

    /// Whether the request goes to a route that takes a whole document as its body: the
    /// server keeps such a body in a file, under a limit of its own (`--max-snapshot`).
    public func takesDocument(_ method: HTTPMethod, path: Substring) -> Bool {
        guard documentMethods.contains(method), owns(path), case .found = documentRouter.match(method, path: path)
        else { return false }
        return true
    }

    /// Whether `path` lies under this service's prefix (`/api/v1` owns `/api/v1/job/12`), and
    /// under one of its sections if it names any (`/servers` of `/api/v1` owns `/api/v1/servers/12`).
    public func owns(_ path: Substring) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard let rest = Self.remainder(of: bytes[...], under: prefixBytes) else { return false }
            return sectionBytes.isEmpty || sectionBytes.contains { Self.remainder(of: rest, under: $0) != nil }
        }
    }

    /// What follows `head` in `path` if `head` is a whole leading part of it. On raw bytes, and
    /// without building `head + "/"`: this runs for every service on every request (compared
    /// through `Substring.UTF8View` it was a tenth of a request's instructions).
    private static func remainder(
        of path: Slice<UnsafeBufferPointer<UInt8>>, under head: [UInt8]
    ) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard path.count >= head.count else { return nil }
        var index = path.startIndex
        for byte in head {
            guard path[index] == byte else { return nil }
            index += 1
        }
        let rest = path[index...]
        return rest.isEmpty || rest.first == UInt8(ascii: "/") ? rest : nil
    }
}

/// A service as the OpenAPI document describes it: its tag's description, the credentials its
/// operations take, and refusals of its own beyond every API's.
public struct ServiceDocumentation: Sendable {
    public enum Credentials: Sendable {
        /// None: the page's ticket in its URL is the key.
        case none
        /// A Bearer token (the tenant).
        case bearer
        /// A Bearer token, and the admin token where the sandbox asks for one.
        case bearerAndAdminToken
    }

    public let description: String
    public let credentials: Credentials
    /// Status code and description of refusals only this service gives.
    public let refusals: [(status: String, description: String)]

    public init(_ description: String, credentials: Credentials, refusals: [(status: String, description: String)] = []) {
        self.description = description
        self.credentials = credentials
        self.refusals = refusals
    }
}

/// How an API renders refusals. One place per API maps domain errors to status and body.
public protocol ErrorFormat: Sendable {
    func response(for error: DomainError) -> HTTPResponse
    func notFound(path: String) -> HTTPResponse
    func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPResponse
    /// An error that is no refusal: a bug, answered 500 with its description so that the
    /// user can report it.
    func internalError(_ description: String) -> HTTPResponse
    /// The schema of every error body this format writes (the OpenAPI document's error answers).
    var schema: Schema { get }
}

extension ErrorFormat {
    public func internalError(_ description: String) -> HTTPResponse {
        .json(["error": .string("Internal sandbox error: \(description)")], status: .internalServerError)
    }

    /// The answer for anything a handler throws.
    public func response(for error: any Error) -> HTTPResponse {
        if let refusal = error as? DomainError { return response(for: refusal) }
        return internalError(String(describing: error))
    }
}

extension DomainError.Kind {
    /// The status every API uses for this kind of refusal.
    public var status: HTTPStatus {
        switch self {
        case .invalidInput: return .badRequest
        case .unauthenticated: return .unauthorized
        case .insufficientBalance: return .paymentRequired
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .misdirected: return .misdirectedRequest
        }
    }
}
