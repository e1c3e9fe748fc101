import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// A DNS record as `vps-mcp` reads it (`format_dns_zone`): type, name, value, TTL, priority.
enum DNSRecordPresenter {
    static let record = Presenter<DNSRecord>.object(
        "VPSOrgDNSRecord",
        [
            .string("uuid", .uuid) { $0.uuid },
            .string("zone", Schema.uuid.described("The uuid of the record's zone")) { $0.zoneUUID },
            PresentedProperty("record_type", .choice(DNSRecordType.allCases.map(\.rawValue))) { .string($0.content.type.rawValue) },
            .string("name", Schema.text.described("@ for the zone apex, else relative to the zone")) { $0.content.name },
            .string("value") { $0.content.value },
            .int("ttl", .integer(minimum: Int64(DNSRecordContent.ttlRange.lowerBound), maximum: Int64(DNSRecordContent.ttlRange.upperBound))) {
                $0.content.ttl
            },
            PresentedProperty(
                "priority",
                Schema.integer(minimum: Int64(DNSRecordContent.priorityRange.lowerBound), maximum: Int64(DNSRecordContent.priorityRange.upperBound))
                    .orNull.described("MX and SRV records only")
            ) { $0.content.priority.map { .int(Int64($0)) } ?? .null },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.updatedAt) },
        ])
}
