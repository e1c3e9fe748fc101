import SQLiteStore
import SandboxCore

/// A domain registered by one tenant, as stored. Its status and the days it has left are
/// read on the tenant's clock, so a domain expires when that clock passes its date.
public struct Domain: Sendable {
    public static let resourceType = "vpsorg_domain"

    public let id: Int
    public let uuid: String
    public let name: String
    public let registrar: String
    public var expiresAt: Int64
    /// Never set: no client nor endpoint turns it on, and the sandbox renews only on request.
    public let autoRenew: Bool
    /// Two to four host names.
    public var nameservers: [String]
    public let whoisPrivacy: Bool
    public let transferLock: Bool
    public let createdAt: Int64
    public var updatedAt: Int64

    public func status(at now: Int64) -> DomainStatus { now < expiresAt ? .active : .expired }

    /// Whole days until the expiration, counted down on the tenant's clock; negative once expired.
    public func daysUntilExpiration(at now: Int64) -> Int {
        let day: Int64 = 86_400_000
        let left = expiresAt - now
        return Int(left >= 0 ? left / day : (left - day + 1) / day)
    }
}

public enum DomainStatus: String, Sendable, CaseIterable {
    case active, expired
}

/// Reading and writing `vpsorg_domains`, always within the context's tenant.
extension Domain {
    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        name = try row.string("domain_name")
        registrar = try row.string("registrar")
        expiresAt = try row.int64("expires_at")
        autoRenew = try row.bool("auto_renew")
        nameservers = try ["nameserver1", "nameserver2", "nameserver3", "nameserver4"].compactMap { try row.optionalString($0) }
        whoisPrivacy = try row.bool("whois_privacy")
        transferLock = try row.bool("transfer_lock")
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }

    static func find(uuid: String, in context: TenantContext) throws -> Domain {
        guard let row = try context.connection.first(
            "SELECT * FROM vpsorg_domains WHERE tenant_id = ? AND uuid = ?", context.tenantId, uuid.lowercased())
        else { throw DomainError.notFound("Not found.") }
        return try Domain(row: row)
    }

    static func find(id: Int, in context: TenantContext) throws -> Domain? {
        try context.connection.first("SELECT * FROM vpsorg_domains WHERE tenant_id = ? AND id = ?", context.tenantId, id)
            .map(Domain.init(row:))
    }

    static func find(name: String, in context: TenantContext) throws -> Domain? {
        try context.connection.first(
            "SELECT * FROM vpsorg_domains WHERE tenant_id = ? AND domain_name = ?", context.tenantId, name
        ).map(Domain.init(row:))
    }

    /// Inserts the domain; its `id` is the row's.
    static func insert(
        uuid: String, name: String, registrar: String, expiresAt: Int64, nameservers: [String], in context: TenantContext
    ) throws -> Domain {
        let servers = columns(nameservers)
        try context.connection.run(
            """
            INSERT INTO vpsorg_domains (tenant_id, uuid, domain_name, registrar, expires_at, auto_renew,
                nameserver1, nameserver2, nameserver3, nameserver4, whois_privacy, transfer_lock, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1, 1, ?, ?)
            """,
            context.tenantId, uuid, name, registrar, expiresAt, servers[0], servers[1], servers[2], servers[3],
            context.now, context.now)
        return try find(uuid: uuid, in: context)
    }

    /// `nameserver1` to `nameserver4`, the unused ones null.
    private static func columns(_ nameservers: [String]) -> [String?] {
        (0..<4).map { $0 < nameservers.count ? nameservers[$0] : nil }
    }

    func save(in context: TenantContext) throws {
        let servers = Self.columns(nameservers)
        try context.connection.run(
            """
            UPDATE vpsorg_domains SET expires_at = ?, nameserver1 = ?, nameserver2 = ?, nameserver3 = ?, nameserver4 = ?,
                updated_at = ?
            WHERE tenant_id = ? AND id = ?
            """,
            expiresAt, servers[0], servers[1], servers[2], servers[3], updatedAt, context.tenantId, id)
    }
}
