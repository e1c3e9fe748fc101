import APIKit
import HTTP1
import Reseller
import StructuredData

/// The hosterapi.de reseller API under `/api/v1`.
public enum ResellerAPI {
    public static func service(model: ResellerModel) -> APIService {
        let routes = CatalogRoutes.routes(model: model) + JobRoutes.routes()
            + CloudRoutes.routes(model: model) + DedicatedRoutes.routes(model: model)
        return APIService(name: "reseller", prefix: "/api/v1", routes: routes, errors: ResellerErrors())
    }

    /// The console stand-in page that console URLs point at (no Bearer token: the ticket is the key).
    public static func consoleService(model: ResellerModel) -> APIService {
        APIService(name: "console", prefix: "/novnc", routes: ConsolePageRoutes.routes(model: model), errors: ResellerErrors())
    }

    /// `{"result": value}`, the reseller API's success envelope.
    static func result(_ value: JSONValue) -> HTTPResponse { .json(["result": value]) }

    /// The success answer `{"result": …}` with `presenter` writing the result.
    static func result<Output>(_ presenter: Presenter<Output>, _ description: String = "Success") -> Answer<Output> {
        let envelope = Presenter<Output>.object([.nested("result", presenter) { $0 }])
        return .json(envelope, description)
    }
}
