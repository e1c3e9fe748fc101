import APIKit
import HTTP1
import SandboxCore

/// Whom a control route acts on: the Bearer token's tenant, or every tenant with `?all=true`.
enum ControlScope {
    static let all = Field<Bool>.boolean("all", .optional, rule: "all must be a boolean (true/false, 1/0)")
        .inQuery.documented("true: act on every tenant instead of the Bearer token's", example: true)

    /// A route that reads nothing but `?all`.
    static let input = InputDeclaration(.laravel, [AnyField(all)])

    /// How far a reset or an import reached, as their answers say it.
    enum Reach: String, Sendable {
        case all, tenant

        static let schema = Schema.choice(["all", "tenant"])
    }

    /// The token acted on; nil when `?all=true` asks for every tenant.
    static func token(_ request: HTTPRequest, _ input: InputValues) throws -> String? {
        guard input[all] != true else { return nil }
        guard let token = request.bearerToken else {
            throw DomainError(.unauthenticated, "Send a Bearer token to act on its tenant, or ?all=true to act on every tenant.")
        }
        return token
    }
}
