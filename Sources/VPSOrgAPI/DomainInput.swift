import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// The domain endpoints' inputs, read as DRF reads them. Names are judged by the model
/// (syntax, TLD on offer, one label under it), which names the field in its refusal.
public enum DomainInput {
    public static let domainName = Field<String>.string("domain_name", length: 1...253, trimmed: true)
        .documented("The domain to register: one label under a TLD on offer", example: "example.com")

    public static let years = Field<Int>.integer(
        "years", VPSOrgModel.registrationYears, .optional,
        rule: "years must be an integer between \(VPSOrgModel.registrationYears.lowerBound) and \(VPSOrgModel.registrationYears.upperBound)"
    ).documented("Years to register or renew for (default 1)", example: 1)

    /// `POST /api/v1/domains/`.
    public static let registration = InputDeclaration(.django, [AnyField(domainName), AnyField(years)])

    static let searched = Field<String>.string("domain", length: 1...253, trimmed: true)
        .documented("The name to look up", example: "example.com")

    /// `POST /api/v1/domains/search/`.
    static let search = InputDeclaration(.django, [AnyField(searched)])

    /// `POST /api/v1/domains/{uuid}/renew/`.
    static let renewal = InputDeclaration(.django, [AnyField(years)])

    static let nameserverCount = 2...4

    /// Two to four distinct fully qualified host names, in order; every bad item named in one message.
    public static let nameservers = Field<[String]>(
        "nameservers", schema: .described(
            "2 to 4 nameserver host names, in order",
            .array(.string(minLength: 1, maxLength: 253, format: "hostname")), example: ["ns1.example.net", "ns2.example.net"]),
        kind: .array, presence: .required,
        rule: "Expected a list of 2 to 4 nameserver host names."
    ) { value in
        guard let items = value.arrayValue else { return .wrongType }
        guard nameserverCount.contains(items.count) else {
            return .refused("Give \(nameserverCount.lowerBound) to \(nameserverCount.upperBound) nameservers, not \(items.count).")
        }
        var names: [String] = []
        var problems: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue.map({ DomainName.normalized($0) }), HostnameRule.fullyQualified.accepts(text) else {
                problems.append("Item \(index + 1) is not a fully qualified host name, such as ns1.example.com.")
                continue
            }
            if names.contains(text) { problems.append("Item \(index + 1) repeats \(text); each nameserver once.") }
            names.append(text)
        }
        if !problems.isEmpty { return .refused(problems.joined(separator: " ")) }
        return .value(names)
    }

    /// `POST /api/v1/domains/{uuid}/update_nameservers/`.
    public static let nameserverUpdate = InputDeclaration(.django, [AnyField(nameservers)])
}
