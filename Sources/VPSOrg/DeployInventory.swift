import SandboxCore

/// The tenant's deploy configs as the dashboard lists them: each with its latest deployment's
/// status (and step while one runs).
extension VPSOrgModel {
    func deployInventory(in context: TenantContext) throws -> [InventoryItem] {
        try deployConfigs(offset: 0, limit: Int(Int32.max), in: context).map { config in
            let latest = try context.connection.first(
                "SELECT id, status FROM vpsorg_deployments WHERE tenant_id = ? AND config_id = ? ORDER BY id DESC LIMIT 1",
                context.tenantId, config.id)
            var state = try latest.map { try $0.string("status") } ?? "not deployed"
            if state == DeploymentStatus.running.rawValue, let id = try latest?.int("id"),
                let step = try context.connection.first(
                    "SELECT step FROM vpsorg_deployment_logs WHERE tenant_id = ? AND deployment_id = ? ORDER BY position DESC LIMIT 1",
                    context.tenantId, id)
            {
                state += ": " + (try step.string("step"))
            }
            let settings = config.settings
            return InventoryItem(
                api: "vpsorg", resourceType: DeployConfig.resourceType, id: config.id, name: config.name, state: state, ips: [],
                detail: "\(settings.appType.rawValue) · \(settings.gitBranch) → \(config.serverHostname):\(settings.deployPath)")
        }
    }
}
