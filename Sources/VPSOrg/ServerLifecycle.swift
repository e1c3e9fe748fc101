import SandboxCore
import StructuredData

/// What happens to a server over time: ordering, provisioning, power actions, changes and
/// deletion. Transitional states end by a timer on the tenant's clock.
enum ServerLifecycle {
    /// Fires when a transitional state ends; the payload names the state it ends and the next one.
    static let settleTimer = "vpsorg.server.settle"
    /// Documented as "2-5 minutes".
    static let provisioningMillis: ClosedRange<Int> = 120_000...300_000
    static let powerActionMillis: ClosedRange<Int> = 10_000...30_000

    static func register(in scheduler: Scheduler, catalog: VPSOrgCatalog) {
        scheduler.onTimer(settleTimer) { context, timer in
            // A server deleted or moved on meanwhile is left alone: due work must not fail the request it runs in.
            let payload = timer.payload
            guard let id = timer.resourceId, let from = payload["from"]?.stringValue,
                let to = payload["to"]?.stringValue.flatMap(ServerStatus.init(rawValue:)),
                var server = try? VPSServer.find(id, in: context), server.status.rawValue == from
            else { return }
            if server.status == .provisioning {
                try assignAddresses(to: &server, catalog: catalog, in: context)
            }
            try move(&server, to: to, in: context)
        }
    }

    /// Sets the status, keeps the powered-on time, stamps and records the change.
    static func move(_ server: inout VPSServer, to status: ServerStatus, in context: TenantContext) throws {
        let previous = server.status
        if status == .active, server.runningSince == nil { server.runningSince = context.now }
        if status == .stopped || status == .suspended, let since = server.runningSince {
            server.uptimeMillis += max(0, context.now - since)
            server.runningSince = nil
        }
        server.status = status
        server.updatedAt = context.now
        try server.save(in: context)
        try context.recordTransition(
            resourceType: VPSServer.resourceType, resourceId: server.id, from: previous.rawValue, to: status.rawValue)
    }

    static func settle(_ server: VPSServer, to status: ServerStatus, within range: ClosedRange<Int>, in context: TenantContext) throws {
        let delay = Int64(context.random.int(in: range))
        try context.schedule(
            settleTimer, at: context.now + delay,
            payload: ["from": .string(server.status.rawValue), "to": .string(status.rawValue)],
            resourceType: VPSServer.resourceType, resourceId: server.id)
    }

    /// A public IPv4 and IPv6 address from the location's block, unique within the tenant.
    private static func assignAddresses(to server: inout VPSServer, catalog: VPSOrgCatalog, in context: TenantContext) throws {
        let prefixes = catalog.addressPrefixes(for: server.location)
        var address = context.random.ipv4(prefix: prefixes.ipv4)
        for _ in 0..<32 {
            guard try context.connection.first(
                "SELECT 1 FROM vpsorg_servers WHERE tenant_id = ? AND ip_address = ?", context.tenantId, address) != nil
            else { break }
            address = context.random.ipv4(prefix: prefixes.ipv4)
        }
        server.ipAddress = address
        server.ipv6Address = context.random.ipv6(prefix: prefixes.ipv6)
    }
}

extension VPSOrgModel {
    /// Charges one month of the plan and starts provisioning; the server is active with
    /// addresses 2-5 minutes later on the tenant's clock.
    public func createServer(_ order: ServerOrder, in context: TenantContext) throws -> VPSServer {
        try context.charge(euros: order.plan.price)
        let metricsSeed = context.random.next()
        let server = VPSServer(
            id: try context.nextID("vpsorg_server", first: 12345), uuid: VPSServer.uuid(metricsSeed: metricsSeed),
            name: order.name,
            hostname: order.hostname ?? order.name, status: .provisioning, ipAddress: nil, ipv6Address: nil,
            location: order.location, plan: order.plan, operatingSystem: order.operatingSystem,
            sshKeyId: order.sshKeyId, backupsEnabled: order.backupsEnabled, metricsSeed: metricsSeed,
            uptimeMillis: 0, runningSince: nil, createdAt: context.now, updatedAt: context.now)
        try server.insert(in: context)
        try context.recordTransition(
            resourceType: VPSServer.resourceType, resourceId: server.id, from: nil, to: ServerStatus.provisioning.rawValue)
        try ServerLifecycle.settle(server, to: .active, within: ServerLifecycle.provisioningMillis, in: context)
        return server
    }

    public func updateServer(_ reference: ServerReference, _ changes: ServerChanges, in context: TenantContext) throws -> VPSServer {
        var server = try VPSServer.find(reference, in: context)
        if let name = changes.name { server.name = name }
        if let hostname = changes.hostname { server.hostname = hostname }
        if let backups = changes.backupsEnabled { server.backupsEnabled = backups }
        server.updatedAt = context.now
        try server.save(in: context)
        return server
    }

    /// Deletes at once, in any state; pending transitions are dropped.
    public func deleteServer(_ reference: ServerReference, in context: TenantContext) throws {
        let server = try VPSServer.find(reference, in: context)
        try context.cancelTimers(resourceType: VPSServer.resourceType, resourceId: server.id)
        try server.delete(in: context)
        try context.recordTransition(
            resourceType: VPSServer.resourceType, resourceId: server.id, from: server.status.rawValue, to: "deleted")
    }

    /// Powers on a stopped server.
    public func startServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        var server = try VPSServer.find(reference, in: context)
        switch server.status {
        case .stopped: break
        case .active, .starting, .rebooting: throw refusal("Server is already running.")
        case .stopping: throw refusal("Server is stopping; start it once it is stopped.")
        case .provisioning, .suspended: throw refusal(Self.unavailable(server.status))
        }
        try ServerLifecycle.move(&server, to: .starting, in: context)
        try ServerLifecycle.settle(server, to: .active, within: ServerLifecycle.powerActionMillis, in: context)
        return server
    }

    /// Shuts a running server down; also interrupts a start or reboot in progress.
    public func stopServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        var server = try VPSServer.find(reference, in: context)
        switch server.status {
        case .active, .starting, .rebooting: break
        case .stopped: throw refusal("Server is already stopped.")
        case .stopping: throw refusal("Server is already stopping.")
        case .provisioning, .suspended: throw refusal(Self.unavailable(server.status))
        }
        try context.cancelTimers(resourceType: VPSServer.resourceType, resourceId: server.id)
        try ServerLifecycle.move(&server, to: .stopping, in: context)
        try ServerLifecycle.settle(server, to: .stopped, within: ServerLifecycle.powerActionMillis, in: context)
        return server
    }

    /// Restarts an active server.
    public func rebootServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        var server = try VPSServer.find(reference, in: context)
        switch server.status {
        case .active: break
        case .provisioning, .suspended: throw refusal(Self.unavailable(server.status))
        default: throw refusal("Server is not active.")
        }
        try ServerLifecycle.move(&server, to: .rebooting, in: context)
        try ServerLifecycle.settle(server, to: .active, within: ServerLifecycle.powerActionMillis, in: context)
        return server
    }

    private static func unavailable(_ status: ServerStatus) -> String {
        status == .provisioning ? "Server is still being provisioned." : "Server is suspended."
    }

    /// A 400 with a `detail` reason rather than field errors.
    private func refusal(_ reason: String) -> DomainError { DomainError(.invalidInput, reason) }
}
