import APIKit
import Reseller

/// Routes of the cloud-server endpoints (`/datacenter/server...`).
enum CloudRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        VirtualServerRoutes.routes(model: model) + VirtualServerPowerRoutes.routes()
            + VirtualServerSettingsRoutes.routes() + VirtualServerInsightRoutes.routes(consoles: model.consoles)
            + BackupRoutes.routes() + ISORoutes.routes(model: model) + ScheduledTaskRoutes.routes()
            + SoftwareRoutes.routes(model: model)
    }
}
