import SandboxCore
import StructuredData

/// A tenant's dedicated servers: the list, lookups with their state rules, and the
/// per-server reads and changes that are not power or installation.
public enum DedicatedServers {
    /// `GET /datacenter/dedicated`: every server of the tenant, delivered or not.
    public static func list(in context: TenantContext) throws -> [DedicatedServer] {
        try DedicatedServer.all(in: context)
    }

    // MARK: Lookups

    /// The tenant's server whose order is complete: 404 when unknown (or another tenant's), 409 while provisioning.
    static func delivered(_ id: Int, in context: TenantContext) throws -> DedicatedServer {
        guard let server = try DedicatedServer.find(id, in: context) else {
            throw DomainError.notFound("Dedicated server \(id) not found")
        }
        guard server.orderComplete else {
            throw DomainError.conflict(
                "Dedicated server \(id) is not ready: its order is not complete yet"
                    + " (see orderComplete in GET /datacenter/dedicated)")
        }
        return server
    }

    /// A delivered server that is not being reinstalled (409 while installing).
    static func idle(_ id: Int, in context: TenantContext) throws -> DedicatedServer {
        let server = try delivered(id, in: context)
        if try DedicatedInstallation.activeJob(of: id, in: context) != nil {
            throw DomainError.conflict(
                "Dedicated server \(id) is being reinstalled; wait until GET .../installation shows installation: false")
        }
        return server
    }

    // MARK: Reads

    /// `GET .../{sid}/status`.
    public static func status(_ id: Int, in context: TenantContext) throws -> DedicatedServerStatus {
        try delivered(id, in: context).status(at: context.now)
    }

    /// `GET .../{sid}/config`.
    public static func config(_ id: Int, in context: TenantContext) throws -> DedicatedServer {
        try delivered(id, in: context)
    }

    // MARK: Changes

    /// `PUT .../{sid}/rdns`: a reverse DNS name for one of the server's IPv4 addresses.
    public struct ReverseDNS: Sendable {
        /// An IPv4 address; whether it is the server's own is checked against the server.
        public let ip: String
        /// A fully qualified domain name.
        public let hostname: String

        public init(ip: String, hostname: String) {
            self.ip = ip
            self.hostname = hostname
        }
    }

    /// `PUT .../{sid}/rdns`: the IP must be one of the server's own addresses.
    public static func setReverseDNS(_ id: Int, _ order: ReverseDNS, in context: TenantContext) throws {
        var server = try idle(id, in: context)
        guard server.ips.contains(order.ip) else {
            throw DomainError.invalid(
                "ip", "ip must be one of this server's IPv4 addresses (\(server.ips.joined(separator: ", "))); \(order.ip) is not")
        }
        server.rdns[order.ip] = .string(order.hostname)
        try server.save(in: context)
    }

    /// `GET .../{sid}/console`: a ticket for the sandbox's noVNC stand-in (10 s of real time).
    public static func console(_ id: Int, tickets: ConsoleTickets, in context: TenantContext) throws -> ConsoleTicket {
        let server = try idle(id, in: context)
        return tickets.issue(resourceType: DedicatedServer.resourceType, resourceId: server.id, in: context)
    }

    /// `POST .../{sid}/terminate`: deleted at once, a running installation with it.
    public static func terminate(_ id: Int, in context: TenantContext) throws {
        let server = try delivered(id, in: context)
        try context.cancelJobs(resourceType: DedicatedServer.resourceType, resourceId: id, reason: "The server was terminated")
        try context.cancelTimers(resourceType: DedicatedServer.resourceType, resourceId: id)
        try context.connection.run("DELETE FROM dedicated_servers WHERE tenant_id = ? AND id = ?", context.tenantId, id)
        try context.recordTransition(
            resourceType: DedicatedServer.resourceType, resourceId: id, from: server.stateName, to: "terminated")
    }

    /// The end of a market order's provisioning: delivered and running.
    static func provisioned(_ id: Int, in context: TenantContext) throws {
        guard var server = try DedicatedServer.find(id, in: context) else {
            throw DomainError.notFound("Dedicated server \(id) no longer exists")
        }
        server.orderComplete = true
        server.bootCompleted(at: context.now)
        try server.save(in: context)
        try context.recordTransition(
            resourceType: DedicatedServer.resourceType, resourceId: id, from: "provisioning", to: "running")
    }
}
