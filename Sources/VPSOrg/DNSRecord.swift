import SQLiteStore
import SandboxCore

/// A record of a DNS zone, as stored.
public struct DNSRecord: Sendable {
    public let id: Int
    public let uuid: String
    public let zoneId: Int
    /// The zone's uuid, which answers show.
    public let zoneUUID: String
    public var content: DNSRecordContent
    public let createdAt: Int64
    public var updatedAt: Int64
}

/// A `PATCH` of a record: nil leaves a field as it is. `priority` can only be set: a record
/// whose new type takes none loses it.
public struct DNSRecordChanges: Sendable {
    public let type: DNSRecordType?
    public let name: String?
    public let value: String?
    public let ttl: Int?
    public let priority: Int?

    public init(type: DNSRecordType?, name: String?, value: String?, ttl: Int?, priority: Int?) {
        self.type = type
        self.name = name
        self.value = value
        self.ttl = ttl
        self.priority = priority
    }
}

/// Reading and writing `vpsorg_dns_records`, always within the context's tenant.
extension DNSRecord {
    private static let select = """
        SELECT r.*, z.uuid AS zone_uuid FROM vpsorg_dns_records r JOIN vpsorg_dns_zones z ON z.id = r.zone_id
        """

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        zoneId = try row.int("zone_id")
        zoneUUID = try row.string("zone_uuid")
        // Only this module writes the column; an unreadable value would be a hand-edited database.
        content = DNSRecordContent(
            type: try row.value("record_type", as: DNSRecordType.self), name: try row.string("name"),
            value: try row.string("value"), ttl: try row.int("ttl"), priority: try row.optionalInt("priority"))
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }

    static func find(uuid: String, in context: TenantContext) throws -> DNSRecord {
        guard let row = try context.connection.first("\(select) WHERE r.tenant_id = ? AND r.uuid = ?", context.tenantId, uuid.lowercased())
        else { throw DomainError.notFound("Not found.") }
        return try DNSRecord(row: row)
    }

    /// The zone's records (only those called `name` if given), oldest first.
    static func all(zoneId: Int, name: String? = nil, in context: TenantContext) throws -> [DNSRecord] {
        try context.connection.query(
            "\(select) WHERE r.tenant_id = ? AND r.zone_id = ? AND (? IS NULL OR r.name = ?) ORDER BY r.id",
            [context.tenantId, zoneId, name, name]
        ).map(DNSRecord.init(row:))
    }

    @discardableResult
    static func insert(_ content: DNSRecordContent, zoneId: Int, uuid: String, in context: TenantContext) throws -> Int {
        try context.connection.run(
            """
            INSERT INTO vpsorg_dns_records (tenant_id, zone_id, uuid, record_type, name, value, ttl, priority, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            context.tenantId, zoneId, uuid, content.type.rawValue, content.name, content.value, content.ttl, content.priority,
            context.now, context.now)
        return Int(context.connection.lastInsertedRowID)
    }

    func save(in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE vpsorg_dns_records SET record_type = ?, name = ?, value = ?, ttl = ?, priority = ?, updated_at = ?
            WHERE tenant_id = ? AND id = ?
            """,
            content.type.rawValue, content.name, content.value, content.ttl, content.priority, updatedAt, context.tenantId, id)
    }
}

/// Records of a zone: each checked as a whole (`DNSRecordContent`), and against its zone's
/// other records: no two alike, and a CNAME alone at its name.
extension VPSOrgModel {
    public func records(of zone: DNSZone, in context: TenantContext) throws -> [DNSRecord] {
        try DNSRecord.all(zoneId: zone.id, in: context)
    }

    public func record(_ uuid: String, in context: TenantContext) throws -> DNSRecord {
        try DNSRecord.find(uuid: uuid, in: context)
    }

    public func addRecord(to zoneUUID: String, _ content: DNSRecordContent, in context: TenantContext) throws -> DNSRecord {
        let zone = try DNSZone.find(uuid: zoneUUID, in: context)
        guard zone.recordCount < Self.recordsPerZone else {
            throw DomainError(.invalidInput, "The zone has \(Self.recordsPerZone) records, the most a zone can have.")
        }
        let checked = try check(content, in: zone, replacing: nil, context)
        let uuid = context.random.uuid()
        try DNSRecord.insert(checked, zoneId: zone.id, uuid: uuid, in: context)
        try DNSZone.touch(id: zone.id, in: context)
        return try DNSRecord.find(uuid: uuid, in: context)
    }

    public func changeRecord(_ uuid: String, _ changes: DNSRecordChanges, in context: TenantContext) throws -> DNSRecord {
        var record = try DNSRecord.find(uuid: uuid, in: context)
        var content = record.content
        if let type = changes.type { content.type = type }
        if let name = changes.name { content.name = name }
        if let value = changes.value { content.value = value }
        if let ttl = changes.ttl { content.ttl = ttl }
        if let priority = changes.priority { content.priority = priority } else if !content.type.takesPriority { content.priority = nil }
        record.content = try check(content, in: try DNSZone.find(id: record.zoneId, in: context), replacing: record.id, context)
        record.updatedAt = context.now
        try record.save(in: context)
        try DNSZone.touch(id: record.zoneId, in: context)
        return record
    }

    public func deleteRecord(_ uuid: String, in context: TenantContext) throws {
        let record = try DNSRecord.find(uuid: uuid, in: context)
        try context.connection.run("DELETE FROM vpsorg_dns_records WHERE tenant_id = ? AND id = ?", context.tenantId, record.id)
        try DNSZone.touch(id: record.zoneId, in: context)
    }

    /// The content as stored (name relative to the zone), or a refusal naming every rule it breaks.
    private func check(_ content: DNSRecordContent, in zone: DNSZone, replacing id: Int?, _ context: TenantContext) throws -> DNSRecordContent {
        var errors = FieldErrors()
        let checked = content.checked(in: zone.domain, errors: &errors)
        try errors.throwIfAny()
        let others = try DNSRecord.all(zoneId: zone.id, name: checked.name, in: context).filter { $0.id != id }
        if others.contains(where: { $0.content.type == checked.type && $0.content.value == checked.value }) {
            errors.add("non_field_errors", "The fields zone, record_type, name, value must make a unique set.")
        } else if checked.type == .CNAME, !others.isEmpty {
            errors.add("name", "\(checked.name) already has other records; a CNAME record must be the only record of its name.")
        } else if others.contains(where: { $0.content.type == .CNAME }) {
            errors.add("name", "\(checked.name) has a CNAME record, which must be the only record of its name.")
        }
        try errors.throwIfAny()
        return checked
    }
}
