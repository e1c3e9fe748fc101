import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// Django REST Framework's error shapes: `{"detail": "..."}`, or `{"field": ["message"]}`
/// for field errors.
public struct VPSOrgErrors: ErrorFormat {
    public init() {}

    /// `{"detail": "..."}`, or per field the list of its messages.
    public let schema = Schema.named(
        "VPSOrgError",
        .oneOf([
            .object([Schema.Property("detail", .text)]),
            .described("Field errors: each invalid field with its messages", .map(.array(.text))),
        ]))

    public func response(for error: DomainError) -> HTTPResponse {
        if error.kind == .invalidInput, !error.fieldErrors.isEmpty {
            return .json(
                .object(JSONObject(error.fieldErrors.map { ($0.field, .array($0.messages.map { .string($0) })) })),
                status: .badRequest)
        }
        let detail = error.kind == .insufficientBalance ? "Insufficient balance." : error.message
        return .json(["detail": .string(detail)], status: error.kind.status)
    }

    public func notFound(path: String) -> HTTPResponse {
        .json(["detail": "Not found."], status: .notFound)
    }

    public func internalError(_ description: String) -> HTTPResponse {
        .json(["detail": .string("Internal sandbox error: \(description)")], status: .internalServerError)
    }

    public func methodNotAllowed(_ method: HTTPMethod, allowed: [HTTPMethod]) -> HTTPResponse {
        var response = HTTPResponse.json(
            ["detail": .string("Method \"\(method.rawValue)\" not allowed.")], status: .methodNotAllowed)
        response.headers.add("Allow", allowed.map(\.rawValue).joined(separator: ", "))
        return response
    }
}
