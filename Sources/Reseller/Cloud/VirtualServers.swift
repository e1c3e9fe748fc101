import SQLiteStore
import SandboxCore
import StructuredData

/// The tenant's VMs in `virtual_servers`. Every lookup filters by tenant, so another
/// tenant's VM is a 404 exactly like a missing one.
public enum VirtualServers {
    /// The VM, or 404.
    public static func find(_ id: Int, in context: TenantContext) throws -> VirtualServer {
        try row(id, "SELECT * FROM virtual_servers WHERE id = ? AND tenant_id = ?", in: context, as: VirtualServer.init(row:))
    }

    /// What `decode` makes of the row `select` (taking the VM's id and tenant) finds, or 404:
    /// `select` names the columns a read needs. Remembered while nothing is written: clients
    /// poll a VM.
    static func row<Value>(_ id: Int, _ select: String, in context: TenantContext, as decode: (Row) throws -> Value) throws -> Value {
        guard let value = try context.connection.rememberedFirst(select, id, context.tenantId, decodedAs: decode) else {
            throw DomainError.notFound("Server \(id) not found")
        }
        return value
    }

    /// The VM owning `address` (IPv4 or IPv6), or nil.
    public static func find(ipAddress address: String, in context: TenantContext) throws -> VirtualServer? {
        let pattern = "%" + JSONWriter.string(.string(address)) + "%"
        return try context.connection.query(
            "SELECT * FROM virtual_servers WHERE tenant_id = ? AND (ipv4 LIKE ? OR ipv6 LIKE ?) ORDER BY id",
            [context.tenantId, pattern, pattern]
        ).map(VirtualServer.init(row:)).first { $0.ips.contains(address) }
    }

    /// IDs of the tenant's VMs, oldest first (`GET /datacenter/server`); remembered while
    /// nothing is written, as clients poll the list.
    public static func ids(in context: TenantContext) throws -> [Int] {
        try context.connection.rememberedIntegers("SELECT id FROM virtual_servers WHERE tenant_id = ? ORDER BY id", context.tenantId)
            .map { Int($0) }
    }

    public static func save(_ server: VirtualServer, in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE virtual_servers SET state = ?, template = ?, location_id = ?, hostname = ?, ssh_key = ?,
                cpu_cores = ?, mem_mb = ?, disk_gb = ?, ip_count = ?, ipv4 = ?, ipv6 = ?, mac = ?, root_password = ?,
                iso = ?, outgoing_mail_blocked = ?, rdns = ?, started_at = ?, monthly_price_cents = ?, updated_at = ?
            WHERE id = ? AND tenant_id = ?
            """,
            server.state.rawValue, server.template, server.locationId, server.hostname, server.sshKey,
            server.cpuCores, server.memoryMB, server.diskGB, server.ipCount, VirtualServer.encode(server.ipv4),
            VirtualServer.encode(server.ipv6), server.mac, server.rootPassword, server.iso,
            server.outgoingMailBlocked ? 1 : 0, JSONWriter.string(.object(server.reverseDNS)), server.startedAt,
            server.monthlyPriceCents, context.now, server.id, context.tenantId)
    }

    static func insert(_ server: VirtualServer, in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO virtual_servers (id, tenant_id, state, template, location_id, hostname, ssh_key, cpu_cores,
                mem_mb, disk_gb, ip_count, ipv4, ipv6, mac, monthly_price_cents, metrics_seed, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            server.id, context.tenantId, server.state.rawValue, server.template, server.locationId, server.hostname,
            server.sshKey, server.cpuCores, server.memoryMB, server.diskGB, server.ipCount,
            VirtualServer.encode(server.ipv4), VirtualServer.encode(server.ipv6), server.mac,
            server.monthlyPriceCents, server.metricsSeed, server.createdAt, context.now)
        try context.recordTransition(
            resourceType: VirtualServer.resourceType, resourceId: server.id, from: nil, to: server.state.rawValue)
    }

    /// Removes the VM with its timers, its active jobs (failed with `reason`) and, through
    /// `ON DELETE CASCADE`, every row that references it.
    static func delete(_ server: VirtualServer, reason: String, in context: TenantContext) throws {
        try context.cancelJobs(resourceType: VirtualServer.resourceType, resourceId: server.id, reason: reason)
        // Cancelling a job can move the VM (an aborted install leaves it stopped): the event
        // starts from the state it is in now.
        let current = try find(server.id, in: context)
        try context.cancelTimers(resourceType: VirtualServer.resourceType, resourceId: server.id)
        try context.connection.run(
            "DELETE FROM virtual_servers WHERE id = ? AND tenant_id = ?", server.id, context.tenantId)
        try context.recordTransition(
            resourceType: VirtualServer.resourceType, resourceId: server.id, from: current.state.rawValue, to: "deleted")
    }

    /// Every address of the tenant's VMs, read once per allocation rather than once per try.
    static func allocatedAddresses(in context: TenantContext) throws -> Set<String> {
        let rows = try context.connection.query(
            "SELECT ipv4, ipv6 FROM virtual_servers WHERE tenant_id = ?", context.tenantId)
        return Set(try rows.flatMap { try VirtualServer.strings($0, "ipv4") + VirtualServer.strings($0, "ipv6") })
    }
}

extension VirtualServers {
    /// The tenant's oldest VM named `hostname`, if any (scenarios know VMs by hostname).
    public static func id(hostname: String, in context: TenantContext) throws -> Int? {
        try context.connection.first(
            "SELECT id FROM virtual_servers WHERE tenant_id = ? AND hostname = ? ORDER BY id", context.tenantId, hostname
        )?.int("id")
    }
}
