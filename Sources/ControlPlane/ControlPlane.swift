import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// The sandbox's own API under `/_sandbox`: health, reset, clocks, tenants.
public enum ControlPlane {
    public static func service(runtime: SandboxRuntime, version: String) -> APIService {
        let routes = HealthRoutes.routes(runtime: runtime, version: version) + ClockRoutes.routes(runtime: runtime)
            + TenantRoutes.routes(runtime: runtime)
        return APIService(name: "control", prefix: "/_sandbox", routes: routes, errors: ControlErrors())
    }
}

extension HTTPRequest {
    /// `?all=true` (or 1/yes): act on every tenant instead of the Bearer token's.
    var wantsAll: Bool {
        guard let value = query("all")?.lowercased() else { return false }
        return value == "true" || value == "1" || value == "yes"
    }

    func fields() throws -> InputFields {
        do { return InputFields(try RequestBody.decode(self)) } catch {
            throw DomainError.invalid("body", error.description)
        }
    }
}
