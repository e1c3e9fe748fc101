import HTTP1
import SandboxCore

/// What a route needs, which decides where the dispatcher runs it. The event loop only
/// parses, routes and writes bytes: nothing that reads SQLite runs there.
public enum RouteHandler: Sendable {
    /// Inside the tenant's transaction, after its due work: on the database queue, in the
    /// order received, after any long operation of the same tenant.
    case tenant(@Sendable (APIRequest) throws -> HTTPResponse)
    /// Database work for no single tenant (listings, upserts): on the database queue.
    case admin(@Sendable (HTTPRequest, PathParameters) throws -> HTTPResponse)
    /// Long work that runs its own transactions one after another (clock moves, resets,
    /// snapshots): on a thread of its own, so other requests run between its transactions.
    case long(@Sendable (HTTPRequest, PathParameters) throws -> HTTPResponse)
    /// No database at all (health, faults, the journal): answered on the event loop.
    case memory(@Sendable (HTTPRequest, PathParameters) throws -> HTTPResponse)
    /// Answers later through `respond` (long-polls): started on the event loop, so it must
    /// reach the database only through the runtime's `submit`. A failure passed to
    /// `respond` is rendered like a thrown one.
    case deferred(@Sendable (HTTPRequest, PathParameters, @escaping @Sendable (Result<HTTPResponse, any Error>) -> Void) throws -> Void)
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
