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
        try install(order.sshKeys, on: server, in: context)
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

    /// Deletes at once, in any state; pending transitions are dropped, actions in progress fail.
    public func deleteServer(_ reference: ServerReference, in context: TenantContext) throws {
        let id = try VPSServer.find(reference, in: context).id
        try context.cancelJobs(resourceType: VPSServer.resourceType, resourceId: id, reason: "The server was deleted.")
        // As the failed actions left it.
        let server = try VPSServer.find(id, in: context)
        try context.cancelTimers(resourceType: VPSServer.resourceType, resourceId: server.id)
        try server.delete(in: context)
        try context.recordTransition(
            resourceType: VPSServer.resourceType, resourceId: server.id, from: server.status.rawValue, to: "deleted")
    }

    /// Powers on a stopped server.
    public func startServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        try documentedPower(.start, reference, in: context)
    }

    /// Shuts a running server down; also interrupts a start or reboot in progress.
    public func stopServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        try documentedPower(.stop, reference, in: context)
    }

    /// Restarts an active server.
    public func rebootServer(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        try documentedPower(.restart, reference, in: context)
    }

    /// The document's power endpoints: refused with 400 as the document says, and ended by a
    /// settle timer rather than a job (their answers and timing are as they always were).
    private func documentedPower(_ action: PowerAction, _ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        var server = try VPSServer.find(reference, in: context)
        if let reason = action.refusal(server.status) { throw refusal(reason) }
        if action == .stop { try ServerPower.interrupt(server, by: action, in: context) }
        try ServerLifecycle.move(&server, to: action.during, in: context)
        try ServerLifecycle.settle(server, to: action.result, within: ServerLifecycle.powerActionMillis, in: context)
        return server
    }

    /// A 400 with a `detail` reason rather than field errors.
    private func refusal(_ reason: String) -> DomainError { DomainError(.invalidInput, reason) }
}
