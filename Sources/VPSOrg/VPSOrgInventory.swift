import SandboxCore

/// The tenant's VPS.org servers, then their deploy configs, as the dashboard lists them.
extension VPSOrgModel {
    public func inventory(in context: TenantContext) throws -> [InventoryItem] {
        try servers(ServerFilter(), offset: 0, limit: Int(Int32.max), in: context).map { server in
            InventoryItem(
                api: "vpsorg", resourceType: VPSServer.resourceType, id: server.id, name: server.name,
                state: server.status.rawValue, ips: [server.ipAddress, server.ipv6Address].compactMap { $0 },
                detail: "\(server.plan.name) · \(server.operatingSystem.name) · \(server.location)")
        } + deployInventory(in: context)
    }
}
