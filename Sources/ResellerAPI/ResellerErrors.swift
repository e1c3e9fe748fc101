import APIKit
import HTTP1
import SandboxCore

/// The reseller API's error envelope: `{"error": "..."}` with the kind's status.
public struct ResellerErrors: ErrorFormat {
    public init() {}

    public let schema = Schema.named("ResellerError", .object([Schema.Property("error", .text)]))

    public func response(for error: DomainError) -> HTTPResponse {
        let message = error.kind == .unauthenticated ? "Unauthenticated." : error.message
        return .json(["error": .string(message)], status: error.kind.status)
    }

    public func notFound(path: String) -> HTTPResponse {
        .json(["error": .string("The route \(path) could not be found.")], status: .notFound)
    }

    public func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPResponse {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var response = HTTPResponse.json(
            ["error": .string("The \(method.rawValue) method is not supported for this route. Supported methods: \(list).")],
            status: .methodNotAllowed)
        response.headers.add("Allow", list)
        return response
    }
}
