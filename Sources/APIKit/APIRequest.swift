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

    public func intParameter(_ name: String) -> Int { parameters.int(name) }

    /// A path parameter as it was sent; the router matched it, so it is there.
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }
}
