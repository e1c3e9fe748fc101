import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// The control plane's errors: `{"error": "...", "field": "..."}`.
public struct ControlErrors: ErrorFormat {
    public init() {}

    public let schema = Schema.named(
        "ControlError",
        .object([Schema.Property("error", .text), Schema.Property("field", .text, required: false)]))

    public func response(for error: DomainError) -> HTTPResponse {
        var body: JSONObject = ["error": .string(error.message)]
        if let field = error.fieldErrors.first?.field { body["field"] = .string(field) }
        return .json(.object(body), status: error.kind.status)
    }

    public func notFound(path: String) -> HTTPResponse {
        .json(["error": .string("No control route \(path).")], status: .notFound)
    }

    public func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPResponse {
        var response = HTTPResponse.json(
            ["error": .string("\(method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", ")).")],
            status: .methodNotAllowed)
        response.headers.add("Allow", allowed.map(\.rawValue).joined(separator: ", "))
        return response
    }
}
