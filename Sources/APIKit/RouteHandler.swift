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

/// A route: where it is, what it does, what it reads and what it answers. The router uses the
/// handler; the OpenAPI document is generated from the rest.
public struct APIRoute: Sendable {
    public let method: HTTPMethod
    public let pattern: String
    public let summary: String
    public let handler: RouteHandler
    /// Query parameters and body fields, which the handler reads through the same declaration.
    public let input: InputDeclaration
    /// The success answers; the first is the usual one.
    public let answers: [AnswerDocumentation]

    public init(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, _ handler: RouteHandler,
        input: InputDeclaration = .none, answers: [AnswerDocumentation] = []
    ) {
        self.method = method
        self.pattern = pattern
        self.summary = summary
        self.handler = handler
        self.input = input
        self.answers = answers
    }
}

/// Typed routes: the declared input is read (and refused, every invalid field at once)
/// before the handler runs, and the handler's result is written by the declared answer.
extension APIRoute {
    /// `before` runs ahead of reading the input, for APIs that look the object up first
    /// (DRF answers 404 for an unknown server before it judges the body).
    public static func tenant<Output>(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, input: InputDeclaration = .none,
        before: (@Sendable (APIRequest) throws -> Void)? = nil, answer: Answer<Output>, also: [AnswerDocumentation] = [],
        _ body: @escaping @Sendable (APIRequest, InputValues) throws -> Output
    ) -> APIRoute {
        let respond = answer.respond
        return APIRoute(
            method, pattern, summary,
            .tenant { request in
                try before?(request)
                return respond(try body(request, try input.read(request.http)))
            },
            input: input, answers: [answer.documentation] + also)
    }

    public static func admin<Output>(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, input: InputDeclaration = .none,
        answer: Answer<Output>, also: [AnswerDocumentation] = [],
        _ body: @escaping @Sendable (HTTPRequest, PathParameters, InputValues) throws -> Output
    ) -> APIRoute {
        route(RouteHandler.admin, method, pattern, summary, input, answer, also, body)
    }

    public static func long<Output>(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, input: InputDeclaration = .none,
        answer: Answer<Output>, also: [AnswerDocumentation] = [],
        _ body: @escaping @Sendable (HTTPRequest, PathParameters, InputValues) throws -> Output
    ) -> APIRoute {
        route(RouteHandler.long, method, pattern, summary, input, answer, also, body)
    }

    public static func memory<Output>(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, input: InputDeclaration = .none,
        answer: Answer<Output>, also: [AnswerDocumentation] = [],
        _ body: @escaping @Sendable (HTTPRequest, PathParameters, InputValues) throws -> Output
    ) -> APIRoute {
        route(RouteHandler.memory, method, pattern, summary, input, answer, also, body)
    }

    /// A route of a kind whose handler takes the request and its path parameters.
    private static func route<Output>(
        _ kind: (@escaping @Sendable (HTTPRequest, PathParameters) throws -> HTTPResponse) -> RouteHandler,
        _ method: HTTPMethod, _ pattern: String, _ summary: String, _ input: InputDeclaration, _ answer: Answer<Output>,
        _ also: [AnswerDocumentation], _ body: @escaping @Sendable (HTTPRequest, PathParameters, InputValues) throws -> Output
    ) -> APIRoute {
        let respond = answer.respond
        return APIRoute(
            method, pattern, summary, kind { request, parameters in respond(try body(request, parameters, try input.read(request))) },
            input: input, answers: [answer.documentation] + also)
    }

    public static func deferred<Output>(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, input: InputDeclaration = .none,
        answer: Answer<Output>, also: [AnswerDocumentation] = [],
        _ body: @escaping @Sendable (
            HTTPRequest, PathParameters, InputValues, @escaping @Sendable (Result<Output, any Error>) -> Void
        ) throws -> Void
    ) -> APIRoute {
        let respond = answer.respond
        return APIRoute(
            method, pattern, summary,
            .deferred { request, parameters, reply in
                try body(request, parameters, try input.read(request)) { result in reply(result.map(respond)) }
            },
            input: input, answers: [answer.documentation] + also)
    }
}
