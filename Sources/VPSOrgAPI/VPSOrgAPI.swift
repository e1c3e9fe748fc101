import APIKit
import HTTP1
import VPSOrg

/// The VPS.org server API under `/api/v1/servers`.
public enum VPSOrgAPI {
    static let prefix = "/api/v1/servers"

    public static func service(model: VPSOrgModel) -> APIService {
        APIService(
            name: "vpsorg", prefix: prefix,
            routes: ServerRoutes.routes(model: model) + PowerRoutes.routes(model: model), errors: VPSOrgErrors(),
            documentation: ServiceDocumentation("VPS.org server API", credentials: .bearer))
    }
}
