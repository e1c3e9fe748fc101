import APIKit
import Reseller

/// Routes of the dedicated-server endpoints (`/datacenter/dedicated...`).
enum DedicatedRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] { [] }
}
