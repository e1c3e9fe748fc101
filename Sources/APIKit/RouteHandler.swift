import HTTP1
import SandboxCore

/// What a route does. Most routes act for a tenant inside its transaction; a few need no
/// tenant (the console page, health) or answer later (long-polls).
public enum RouteHandler: Sendable {
    case tenant(@Sendable (APIRequest) throws -> HTTPResponse)
    case open(@Sendable (HTTPRequest, PathParameters) throws -> HTTPResponse)
    case deferred(@Sendable (HTTPRequest, PathParameters, @escaping @Sendable (HTTPResponse) -> Void) -> Void)
}

/// A route with its documentation summary (used by the OpenAPI document).
public struct APIRoute: Sendable {
    public let method: HTTPMethod
    public let pattern: String
    public let summary: String
    public let handler: RouteHandler

    public init(_ method: HTTPMethod, _ pattern: String, _ summary: String, _ handler: RouteHandler) {
        self.method = method
        self.pattern = pattern
        self.summary = summary
        self.handler = handler
    }

    public static func tenant(
        _ method: HTTPMethod, _ pattern: String, _ summary: String,
        _ body: @escaping @Sendable (APIRequest) throws -> HTTPResponse
    ) -> APIRoute {
        APIRoute(method, pattern, summary, .tenant(body))
    }
}
