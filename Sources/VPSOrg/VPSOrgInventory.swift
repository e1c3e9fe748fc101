import SandboxCore

/// The tenant's VPS.org servers, domains and DNS zones as the dashboard lists them.
extension VPSOrgModel {
    public func inventory(in context: TenantContext) throws -> [InventoryItem] {
        let servers = try servers(ServerFilter(), offset: 0, limit: Int(Int32.max), in: context).map { server in
            InventoryItem(
                api: "vpsorg", resourceType: VPSServer.resourceType, id: server.id, name: server.name,
                state: server.status.rawValue, ips: [server.ipAddress, server.ipv6Address].compactMap { $0 },
                detail: "\(server.plan.name) · \(server.operatingSystem.name) · \(server.location)")
        }
        let domains = try domains(offset: 0, limit: Int(Int32.max), in: context).map { domain in
            InventoryItem(
                api: "vpsorg", resourceType: Domain.resourceType, id: domain.id, name: domain.name,
                state: domain.status(at: context.now).rawValue, ips: [],
                detail: "expires \(Timestamp.iso8601(domain.expiresAt).prefix(10)) · \(domain.nameservers.joined(separator: ", "))")
        }
        let zones = try zones(DNSZoneFilter(), offset: 0, limit: Int(Int32.max), in: context).map { zone in
            InventoryItem(
                api: "vpsorg", resourceType: DNSZone.resourceType, id: zone.id, name: zone.domain, state: "active", ips: [],
                detail: zone.recordCount == 1 ? "1 record" : "\(zone.recordCount) records")
        }
        return servers + domains + zones
    }
}
