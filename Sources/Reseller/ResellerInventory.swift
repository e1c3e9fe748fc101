import SandboxCore
import StructuredData

/// The tenant's VMs and dedicated servers as the dashboard lists them.
extension ResellerModel {
    public func inventory(in context: TenantContext) throws -> [InventoryItem] {
        let machines = try context.connection.query(
            "SELECT * FROM virtual_servers WHERE tenant_id = ? ORDER BY id", [context.tenantId]
        ).map(VirtualServer.init(row:)).map { server in
            InventoryItem(
                api: "reseller", resourceType: VirtualServer.resourceType, id: server.id, name: server.hostname,
                state: server.state.rawValue, ips: server.ips,
                detail: "\(server.template) · \(server.cpuCores) CPU · \(server.memoryMB) MB · \(server.diskGB) GB")
        }
        let installing = Set(try context.jobs(resourceType: DedicatedServer.resourceType, activeOnly: true)
            .filter { $0.kind == DedicatedLifecycle.install }.map(\.resourceId))
        let dedicated = try DedicatedServer.all(in: context).map { server in
            let state = !server.orderComplete ? "provisioning" : installing.contains(server.id) ? "installing" : server.stateName
            let location = server.hardware.location.name
            return InventoryItem(
                api: "reseller", resourceType: DedicatedServer.resourceType, id: server.id, name: server.hostname,
                state: state, ips: server.ips,
                detail: ([server.template] + (location.isEmpty ? [] : [location])).joined(separator: " · "))
        }
        return machines + dedicated
    }
}
