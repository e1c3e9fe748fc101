import HTTP1
import StructuredData

/// What an endpoint answers on success: its status, its content and how a handler's typed
/// result becomes the response. The OpenAPI document's success response comes from it.
public struct Answer<Output>: Sendable {
    public let documentation: AnswerDocumentation
    public let respond: @Sendable (Output) -> HTTPResponse

    public init(_ documentation: AnswerDocumentation, respond: @escaping @Sendable (Output) -> HTTPResponse) {
        self.documentation = documentation
        self.respond = respond
    }

    /// The answer to `value` for every request, rendered once (a catalogue is the same for
    /// every tenant).
    public func always(_ value: Output) -> Answer<Void> {
        let response = respond(value)
        return Answer<Void>(documentation) { _ in response }
    }

    /// The same answer, naming operations its values feed (OpenAPI links: generated clients
    /// and schemathesis' stateful runs follow them from a created object to its uses).
    public func linking(_ links: [AnswerLink]) -> Answer {
        var documentation = self.documentation
        documentation.links += links
        return Answer(documentation, respond: respond)
    }

    /// JSON written by `presenter` (inlinable: the endpoint's module specialises the writing
    /// for its output type).
    @inlinable
    public static func json(_ presenter: Presenter<Output>, status: HTTPStatus = .ok, _ description: String = "Success") -> Answer {
        Answer(AnswerDocumentation(status: status, description: description, content: .json(presenter.schema))) {
            .json(bytes: presenter.bytes($0), status: status)
        }
    }

    /// A response the handler writes itself (a stream, cached bytes) whose JSON has `schema`.
    public static func prepared(_ schema: Schema, status: HTTPStatus = .ok, _ description: String = "Success") -> Answer
    where Output == HTTPResponse {
        Answer(AnswerDocumentation(status: status, description: description, content: .json(schema))) { $0 }
    }
}

extension Answer where Output == Void {
    /// No body (`204 No Content`).
    public static func empty(_ status: HTTPStatus = .noContent, _ description: String = "Done, no content") -> Answer {
        Answer(AnswerDocumentation(status: status, description: description, content: .none)) { _ in .empty(status) }
    }
}

extension Answer where Output == String {
    /// An HTML page.
    public static func html(_ description: String = "An HTML page") -> Answer {
        Answer(AnswerDocumentation(status: .ok, description: description, content: .html)) { .html($0) }
    }
}

/// An answer as the OpenAPI document describes it.
public struct AnswerDocumentation: Sendable {
    public enum Content: Sendable {
        case json(Schema)
        case html
        case none
    }

    public let status: HTTPStatus
    public let description: String
    public let content: Content
    public var links: [AnswerLink] = []

    public init(status: HTTPStatus, description: String, content: Content) {
        self.status = status
        self.description = description
        self.content = content
    }
}

/// An operation that takes a value of this answer: `GET /api/v1/servers/{server_id}` with
/// `server_id` from `$response.body#/id`.
public struct AnswerLink: Sendable {
    public let name: String
    public let method: HTTPMethod
    /// The full path as the router knows it (`/api/v1/servers/{server_id:int}`).
    public let pattern: String
    /// Parameter name to runtime expression.
    public let parameters: [(String, String)]

    public init(_ name: String, _ method: HTTPMethod, _ pattern: String, _ parameters: [(String, String)]) {
        self.name = name
        self.method = method
        self.pattern = pattern
        self.parameters = parameters
    }
}
