import APIKit
import HTTP1
import VPSOrg

/// The VPS.org server API under `/api/v1/servers`.
public enum VPSOrgAPI {
    public static func service(model: VPSOrgModel) -> APIService {
        APIService(
            name: "vpsorg", prefix: "/api/v1/servers",
            routes: ServerRoutes.routes(model: model) + PowerRoutes.routes(model: model), errors: VPSOrgErrors())
    }
}
