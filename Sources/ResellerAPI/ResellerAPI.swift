import APIKit
import HTTP1
import Reseller
import StructuredData

/// The hosterapi.de reseller API under `/api/v1`.
public enum ResellerAPI {
    static let prefix = "/api/v1"

    public static func service(model: ResellerModel) -> APIService {
        let routes = CatalogRoutes.routes(model: model) + JobRoutes.routes()
            + CloudRoutes.routes(model: model) + DedicatedRoutes.routes(model: model)
        return APIService(
            name: "reseller", prefix: prefix, routes: routes, errors: ResellerErrors(),
            documentation: ServiceDocumentation("hosterapi.de reseller API", credentials: .bearer))
    }

    /// The console stand-in page that console URLs point at (no Bearer token: the ticket is the key).
    public static func consoleService(model: ResellerModel) -> APIService {
        APIService(
            name: "console", prefix: "/novnc", routes: ConsolePageRoutes.routes(model: model), errors: ResellerErrors(),
            documentation: ServiceDocumentation("noVNC console stand-in pages", credentials: .none))
    }

    /// The success answer `{"result": …}` with `presenter` writing the result.
    static func result<Output>(_ presenter: Presenter<Output>, _ description: String = "Success") -> Answer<Output> {
        let envelope = Presenter<Output>.object([.nested("result", presenter) { $0 }])
        return .json(envelope, description)
    }
}
