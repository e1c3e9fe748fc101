import HTTP1
import SandboxCore
import StructuredData

/// A routed request of a tenant: the HTTP request, its path parameters and the tenant's
/// context, inside the request's transaction.
public struct APIRequest {
    public let http: HTTPRequest
    public let parameters: PathParameters
    public let context: TenantContext

    public init(http: HTTPRequest, parameters: PathParameters, context: TenantContext) {
        self.http = http
        self.parameters = parameters
        self.context = context
    }

    /// The body's fields, from JSON or a form; a body that is neither is a 400.
    public func fields() throws -> InputFields {
        do {
            return InputFields(try RequestBody.decode(http))
        } catch {
            throw DomainError.invalid("body", error.description)
        }
    }

    /// Query parameters as fields, so they coerce like body fields.
    public func queryFields() -> InputFields {
        InputFields(JSONObject(http.queryItems.map { ($0.name, JSONValue.string($0.value)) }))
    }

    public func intParameter(_ name: String) -> Int { parameters.int(name) }
}
