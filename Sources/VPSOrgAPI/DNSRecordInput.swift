import APIKit
import StructuredData
import VPSOrg

/// A DNS record's fields as DRF reads them. Each field's own type and range is checked here;
/// how the fields fit together (a value for the type, a priority for MX and SRV, the name
/// within the zone) is the model's rule, checked on the whole record.
public enum DNSRecordInput {
    static let recordType = Field<DNSRecordType>(
        "record_type", schema: .choice(DNSRecordType.allCases.map(\.rawValue)), kind: .choice, presence: .required,
        rule: "record_type must be one of \(DNSRecordType.allCases.map(\.rawValue).joined(separator: ", "))"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        return DNSRecordType(rawValue: text.uppercased()).map { .value($0) } ?? .refused("\"\(text)\" is not a valid choice.")
    }.documented("The record's type", example: "A")

    static let name = Field<String>.string("name", length: 1...253, trimmed: true)
        .documented("@ for the zone apex, or a name relative to the zone", example: "www")

    static let value = Field<String>.string("value", length: 1...DNSRecordContent.textLimit, trimmed: true)
        .documented("An IPv4 (A) or IPv6 (AAAA) address, a host name (CNAME, NS, MX), text (TXT), \"weight port target\" (SRV) or \"flags tag value\" (CAA)", example: "203.0.113.10")

    static let ttl = Field<Int>.integer("ttl", DNSRecordContent.ttlRange, .optional, rule: DNSRecordContent.ttlRule)
        .documented("Seconds resolvers may cache the record (default \(DNSRecordContent.defaultTTL))", example: 3600)

    static let priority = Field<Int>.integer("priority", DNSRecordContent.priorityRange, .optional, rule: DNSRecordContent.priorityRule)
        .documented("Required for MX and SRV records, refused for others", example: 10)

    /// `POST /api/v1/dns-zones/{uuid}/records/`.
    public static let creation = InputDeclaration(
        .django, [AnyField(recordType), AnyField(name), AnyField(value), AnyField(ttl), AnyField(priority)])

    public static func content(_ input: InputValues) throws -> DNSRecordContent {
        DNSRecordContent(
            type: try input.required(recordType), name: try input.required(name), value: try input.required(value),
            ttl: input[ttl] ?? DNSRecordContent.defaultTTL, priority: input[priority])
    }

    /// `PATCH /api/v1/dns-records/{uuid}/`: any of the fields, each valid if sent.
    static let change = InputDeclaration(
        .django,
        [
            AnyField(recordType.presence(.partial)), AnyField(name.presence(.partial)), AnyField(value.presence(.partial)),
            AnyField(ttl.presence(.partial)), AnyField(priority.presence(.partial)),
        ])

    static func changes(_ input: InputValues) -> DNSRecordChanges {
        DNSRecordChanges(type: input[recordType], name: input[name], value: input[value], ttl: input[ttl], priority: input[priority])
    }
}
