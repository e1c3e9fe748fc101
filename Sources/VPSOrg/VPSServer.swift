import SQLiteStore
import SandboxCore

/// A VPS.org server of one tenant, as stored.
public struct VPSServer: Sendable {
    public static let resourceType = "vpsorg_server"

    public let id: Int
    /// The clients' name for the server (`/servers/{uuid}/`), fixed at creation.
    public let uuid: String
    public var name: String
    public var hostname: String
    public var status: ServerStatus
    public var ipAddress: String?
    public var ipv6Address: String?
    public let location: String
    public var plan: Plan
    public let operatingSystem: OperatingSystem
    public var sshKeyId: Int?
    public var backupsEnabled: Bool
    /// Seeds the simulated metrics, so they are stable for a server and a minute.
    let metricsSeed: UInt64
    /// Powered-on time before `runningSince`, for bandwidth and disk growth.
    var uptimeMillis: Int64
    var runningSince: Int64?
    public let createdAt: Int64
    public var updatedAt: Int64

    /// Drawn from the server's own metrics seed rather than the tenant's generator, so that
    /// adding it moved none of the IDs, passwords and addresses a `--seed` run gave before.
    static func uuid(metricsSeed: UInt64) -> String {
        var random = SeededRandom(state: metricsSeed ^ 0x7575_6964_7575_6964)
        return random.uuid()
    }

    /// The root password the create answer shows once. Derived from the metrics seed like the
    /// uuid, so it costs no draw of the tenant's generator and is never stored.
    public var rootPassword: String {
        var random = SeededRandom(state: metricsSeed ^ 0x726F_6F74_7077_6421)
        return random.password(length: 16)
    }

    /// Whether provisioning has finished: the clients' `deployed`.
    public var isDeployed: Bool { ipAddress != nil }

    /// Powered-on milliseconds up to `now`.
    func uptime(at now: Int64) -> Int64 {
        uptimeMillis + (runningSince.map { max(0, now - $0) } ?? 0)
    }
}

/// Reading and writing `vpsorg_servers`, always within the context's tenant.
extension VPSServer {
    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        name = try row.string("name")
        hostname = try row.string("hostname")
        // Only this module writes the column; an unreadable value would be a hand-edited database.
        status = try row.value("status", as: ServerStatus.self)
        ipAddress = try row.optionalString("ip_address")
        ipv6Address = try row.optionalString("ipv6_address")
        location = try row.string("location")
        plan = try Plan(
            id: row.int("plan_id"), name: row.string("plan_name"), vcpus: row.int("plan_vcpus"),
            memory: row.int("plan_memory"), storage: row.int("plan_storage"), bandwidth: row.int("plan_bandwidth"),
            price: 0)
        operatingSystem = try OperatingSystem(id: row.int("os_id"), name: row.string("os_name"))
        sshKeyId = try row.optionalInt("ssh_key_id")
        backupsEnabled = try row.bool("backups_enabled")
        metricsSeed = UInt64(bitPattern: try row.int64("metrics_seed"))
        uptimeMillis = try row.int64("uptime_ms")
        runningSince = try row.optionalInt("running_since").map(Int64.init)
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }

    static func find(_ id: Int, in context: TenantContext) throws -> VPSServer {
        try find(.id(id), in: context)
    }

    static func find(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        let row = switch reference {
        case .id(let id):
            try context.connection.first("SELECT * FROM vpsorg_servers WHERE tenant_id = ? AND id = ?", context.tenantId, id)
        case .uuid(let uuid):
            try context.connection.first(
                "SELECT * FROM vpsorg_servers WHERE tenant_id = ? AND uuid = ?", context.tenantId, uuid)
        }
        guard let row else { throw DomainError.notFound("Not found.") }
        return try VPSServer(row: row)
    }

    /// The server, or nil if it is gone (deleted meanwhile); an unreadable row still throws.
    static func findIfExists(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer? {
        do {
            return try find(reference, in: context)
        } catch let error as DomainError where error.kind == .notFound {
            return nil
        }
    }

    func insert(in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO vpsorg_servers (id, uuid, tenant_id, name, hostname, status, ip_address, ipv6_address, location,
                plan_id, plan_name, plan_vcpus, plan_memory, plan_storage, plan_bandwidth, os_id, os_name,
                ssh_key_id, backups_enabled, metrics_seed, uptime_ms, running_since, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, uuid, context.tenantId, name, hostname, status.rawValue, ipAddress, ipv6Address, location,
            plan.id, plan.name, plan.vcpus, plan.memory, plan.storage, plan.bandwidth,
            operatingSystem.id, operatingSystem.name, sshKeyId, backupsEnabled, Int64(bitPattern: metricsSeed),
            uptimeMillis, runningSince, createdAt, updatedAt)
    }

    func save(in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE vpsorg_servers SET name = ?, hostname = ?, status = ?, ip_address = ?, ipv6_address = ?,
                ssh_key_id = ?, backups_enabled = ?, uptime_ms = ?, running_since = ?, updated_at = ?
            WHERE tenant_id = ? AND id = ?
            """,
            name, hostname, status.rawValue, ipAddress, ipv6Address, sshKeyId, backupsEnabled, uptimeMillis,
            runningSince, updatedAt, context.tenantId, id)
    }

    /// A resize's new plan; the server keeps its own copy of the plan's figures.
    func savePlan(in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE vpsorg_servers SET plan_id = ?, plan_name = ?, plan_vcpus = ?, plan_memory = ?, plan_storage = ?,
                plan_bandwidth = ?, updated_at = ?
            WHERE tenant_id = ? AND id = ?
            """,
            plan.id, plan.name, plan.vcpus, plan.memory, plan.storage, plan.bandwidth, updatedAt, context.tenantId, id)
    }

    func delete(in context: TenantContext) throws {
        try context.connection.run("DELETE FROM vpsorg_servers WHERE tenant_id = ? AND id = ?", context.tenantId, id)
    }
}

/// Which servers a list shows.
public struct ServerFilter: Sendable {
    public var status: ServerStatus?
    public var location: String?

    public init(status: ServerStatus? = nil, location: String? = nil) {
        self.status = status
        self.location = location
    }
}

extension VPSOrgModel {
    public func server(_ reference: ServerReference, in context: TenantContext) throws -> VPSServer {
        try VPSServer.find(reference, in: context)
    }

    /// The tenant's oldest server called `name`, if any (scenarios know servers by name).
    public func server(named name: String, in context: TenantContext) throws -> VPSServer? {
        try context.connection.first(
            "SELECT * FROM vpsorg_servers WHERE tenant_id = ? AND name = ? ORDER BY id", context.tenantId, name
        ).map(VPSServer.init(row:))
    }

    public func countServers(_ filter: ServerFilter, in context: TenantContext) throws -> Int {
        try context.connection.first(
            """
            SELECT COUNT(*) AS total FROM vpsorg_servers
            WHERE tenant_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR location = ?)
            """,
            context.tenantId, filter.status?.rawValue, filter.status?.rawValue, filter.location, filter.location
        )?.int("total") ?? 0
    }

    /// Servers in ID order, `limit` of them from `offset`.
    public func servers(_ filter: ServerFilter, offset: Int, limit: Int, in context: TenantContext) throws -> [VPSServer] {
        try context.connection.query(
            """
            SELECT * FROM vpsorg_servers
            WHERE tenant_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR location = ?)
            ORDER BY id LIMIT ? OFFSET ?
            """,
            [context.tenantId, filter.status?.rawValue, filter.status?.rawValue, filter.location, filter.location,
             limit, offset]
        ).map(VPSServer.init(row:))
    }
}
