import HTTP1
import SandboxCore
import StructuredData

/// The inputs of a request as fields, for every route of every API and the control plane.
extension HTTPRequest {
    /// The body's fields, from JSON or a form; a body that is neither is a 400.
    public func fields() throws -> InputFields {
        do {
            return InputFields(try RequestBody.decode(self))
        } catch {
            throw DomainError.invalid("body", error.description)
        }
    }

    /// Query parameters as fields, so they coerce like body fields.
    public func queryFields() -> InputFields {
        InputFields(JSONObject(queryItems.map { ($0.name, JSONValue.string($0.value)) }))
    }

    /// `?all=true` (or 1/yes): act on every tenant instead of the Bearer token's.
    public var wantsAll: Bool {
        guard let value = query("all")?.lowercased() else { return false }
        return value == "true" || value == "1" || value == "yes"
    }

    /// The Bearer token, required when the route acts on one tenant.
    public func requiredToken() throws -> String {
        guard let token = bearerToken else {
            throw DomainError(.unauthenticated, "Send a Bearer token to act on its tenant, or ?all=true to act on every tenant.")
        }
        return token
    }
}
