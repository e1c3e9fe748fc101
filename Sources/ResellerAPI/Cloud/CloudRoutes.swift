import APIKit
import Reseller

/// Routes of the cloud-server endpoints (`/datacenter/server...`, `/software...`).
enum CloudRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] { [] }
}
