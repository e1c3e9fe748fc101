import SQLiteStore
import SandboxCore

/// A DNS zone one tenant hosts on VPS.org's nameservers, with its number of records.
public struct DNSZone: Sendable {
    public static let resourceType = "vpsorg_dns_zone"

    public let id: Int
    public let uuid: String
    /// The zone's domain in lower case, without a trailing dot.
    public let domain: String
    public let recordCount: Int
    public let createdAt: Int64
    public let updatedAt: Int64
}

/// Reading and writing `vpsorg_dns_zones`, always within the context's tenant.
extension DNSZone {
    /// Every read of a zone counts its records with it.
    static let select = """
        SELECT z.*, (SELECT COUNT(*) FROM vpsorg_dns_records r WHERE r.zone_id = z.id) AS record_count
        FROM vpsorg_dns_zones z
        """

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        domain = try row.string("domain")
        recordCount = try row.int("record_count")
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }

    static func find(uuid: String, in context: TenantContext) throws -> DNSZone {
        guard let row = try context.connection.first("\(select) WHERE z.tenant_id = ? AND z.uuid = ?", context.tenantId, uuid.lowercased())
        else { throw DomainError.notFound("Not found.") }
        return try DNSZone(row: row)
    }

    static func find(id: Int, in context: TenantContext) throws -> DNSZone {
        guard let row = try context.connection.first("\(select) WHERE z.tenant_id = ? AND z.id = ?", context.tenantId, id)
        else { throw DomainError.notFound("Not found.") }
        return try DNSZone(row: row)
    }

    static func find(domain: String, in context: TenantContext) throws -> DNSZone? {
        try context.connection.first("\(select) WHERE z.tenant_id = ? AND z.domain = ?", context.tenantId, domain)
            .map(DNSZone.init(row:))
    }

    /// Marks the zone changed (a record was added, changed or removed).
    static func touch(id: Int, in context: TenantContext) throws {
        try context.connection.run(
            "UPDATE vpsorg_dns_zones SET updated_at = ? WHERE tenant_id = ? AND id = ?", context.now, context.tenantId, id)
    }
}

/// Which zones a list shows: all, or the one of a domain.
public struct DNSZoneFilter: Sendable {
    public var domain: String?

    public init(domain: String? = nil) { self.domain = domain.map(DomainName.normalized) }
}

/// Hosting zones: a new zone starts with NS records for the registry's nameservers, as DNS
/// hosts set them up; deleting a zone deletes its records.
extension VPSOrgModel {
    /// More records than a hosted zone sensibly has; a runaway script stops here.
    public static let recordsPerZone = 1000

    public func createZone(_ text: String, in context: TenantContext) throws -> DNSZone {
        let domain = DomainName.normalized(text)
        guard HostnameRule.fullyQualified.accepts(domain) else {
            throw DomainError.invalid("domain", "Enter a valid domain name, such as example.com.")
        }
        guard try DNSZone.find(domain: domain, in: context) == nil else {
            throw DomainError.invalid("domain", "dns zone with this domain already exists.")
        }
        try context.connection.run(
            "INSERT INTO vpsorg_dns_zones (tenant_id, uuid, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            context.tenantId, context.random.uuid(), domain, context.now, context.now)
        let id = Int(context.connection.lastInsertedRowID)
        for nameserver in registry.nameservers {
            let content = DNSRecordContent(type: .NS, name: "@", value: nameserver, ttl: 86_400, priority: nil)
            try DNSRecord.insert(content, zoneId: id, uuid: context.random.uuid(), in: context)
        }
        try context.recordTransition(resourceType: DNSZone.resourceType, resourceId: id, from: nil, to: "active")
        return try DNSZone.find(id: id, in: context)
    }

    public func zone(_ uuid: String, in context: TenantContext) throws -> DNSZone {
        try DNSZone.find(uuid: uuid, in: context)
    }

    /// The tenant's zone of `domain`, if any (scenarios know zones by domain).
    public func zone(domain: String, in context: TenantContext) throws -> DNSZone? {
        try DNSZone.find(domain: DomainName.normalized(domain), in: context)
    }

    public func deleteZone(_ uuid: String, in context: TenantContext) throws {
        let zone = try DNSZone.find(uuid: uuid, in: context)
        try context.connection.run("DELETE FROM vpsorg_dns_records WHERE tenant_id = ? AND zone_id = ?", context.tenantId, zone.id)
        try context.connection.run("DELETE FROM vpsorg_dns_zones WHERE tenant_id = ? AND id = ?", context.tenantId, zone.id)
        try context.recordTransition(resourceType: DNSZone.resourceType, resourceId: zone.id, from: "active", to: "deleted")
    }

    public func countZones(_ filter: DNSZoneFilter, in context: TenantContext) throws -> Int {
        try context.connection.first(
            "SELECT COUNT(*) AS total FROM vpsorg_dns_zones WHERE tenant_id = ? AND (? IS NULL OR domain = ?)",
            context.tenantId, filter.domain, filter.domain
        )?.int("total") ?? 0
    }

    /// Zones in creation order, `limit` of them from `offset`.
    public func zones(_ filter: DNSZoneFilter, offset: Int, limit: Int, in context: TenantContext) throws -> [DNSZone] {
        try context.connection.query(
            "\(DNSZone.select) WHERE z.tenant_id = ? AND (? IS NULL OR z.domain = ?) ORDER BY z.id LIMIT ? OFFSET ?",
            [context.tenantId, filter.domain, filter.domain, limit, offset]
        ).map(DNSZone.init(row:))
    }
}
