import APIKit
import HTTP1
import SandboxCore
import Scenarios
import StructuredData

/// The sandbox's own API under `/_sandbox`: health, reset, clocks, tenants, snapshots,
/// forced job outcomes, fault rules, the request journal, the event stream, the OpenAPI
/// document and the dashboard.
public enum ControlPlane {
    public static let name = "control"
    public static let prefix = "/_sandbox"
    /// Open to everyone, wherever the server listens: container health checks call it.
    public static let healthPath = "/_sandbox/health"

    /// Control routes that pass without the admin token: health, and the dashboard's page,
    /// which holds no data.
    public static func isPublic(_ path: Substring) -> Bool {
        path == healthPath || DashboardRoutes.publicPaths.contains(path)
    }

    /// The answer to a request outside every API that the sandbox serves anyway (the
    /// browser's `/favicon.ico`), so it neither 404s nor lands in the journal; nil otherwise.
    public static func siteAnswer(_ request: HTTPRequest) -> HTTPResponse? {
        Favicon.answer(request)
    }

    /// The control service. `documented` are the emulated APIs, listed with the control
    /// plane's own routes in the OpenAPI document.
    public static func service(
        runtime: SandboxRuntime, version: String, faults: FaultRules, journal: RequestJournal, events: EventFeed,
        scenarios: ScenarioLoader, documented: [APIService]
    ) -> APIService {
        let openAPI = OpenAPIDocument.Holder()
        var routes = HealthRoutes.routes(runtime: runtime, version: version, faults: faults, journal: journal)
        routes += ClockRoutes.routes(runtime: runtime) + TenantRoutes.routes(runtime: runtime)
        routes += StateRoutes.routes(runtime: runtime) + JobControlRoutes.routes()
        routes += FaultRoutes.routes(faults: faults) + JournalRoutes.routes(journal: journal)
        routes += EventRoutes.routes(runtime: runtime, feed: events) + IncidentRoutes.routes()
        routes += ScenarioRoutes.routes(loader: scenarios) + OpenAPIRoutes.routes(document: openAPI)
        routes += OverviewRoutes.routes(runtime: runtime, faults: faults) + DashboardRoutes.routes()
        let service = APIService(
            name: name, prefix: prefix, routes: routes, errors: ControlErrors(),
            documentation: ServiceDocumentation(
                "Sandbox control plane", credentials: .bearerAndAdminToken,
                refusals: [("421", "The control plane refuses this Host")]))
        openAPI.set(OpenAPIDocument.build(services: documented + [service], version: version))
        return service
    }
}
