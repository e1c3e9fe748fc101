import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// DNS zones as `vps-mcp` reads them (`format_dns_zone`): the list item counts the records,
/// the detail (and the create answer) lists them too.
enum DNSZonePresenter {
    private static let domainSchema = Schema.string(minLength: 1, maxLength: 253, format: "hostname")

    static let listItem = Presenter<DNSZone>.object(
        "VPSOrgDNSZoneSummary",
        [
            .string("uuid", .uuid) { $0.uuid }, .string("domain", domainSchema) { $0.domain },
            .int("record_count", .integer(minimum: 0)) { $0.recordCount },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.updatedAt) },
        ])

    static let page = PagePresenter.page("VPSOrgDNSZonePage", listItem)

    typealias Detailed = (zone: DNSZone, records: [DNSRecord])

    static let detail = Presenter<Detailed>.object(
        "VPSOrgDNSZone",
        [
            .string("uuid", .uuid) { $0.zone.uuid }, .string("domain", domainSchema) { $0.zone.domain },
            .int("record_count", .integer(minimum: 0)) { $0.zone.recordCount },
            .nested("records", DNSRecordPresenter.record.list) { $0.records },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.zone.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.zone.updatedAt) },
        ])
}
