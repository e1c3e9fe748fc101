import APIKit
import VPSOrg

/// The DNS zone endpoints' inputs, read as DRF reads them.
public enum DNSZoneInput {
    public static let domain = Field<String>.string("domain", length: 1...253, trimmed: true)
        .documented("The zone's domain", example: "example.com")

    /// `POST /api/v1/dns-zones/`.
    public static let creation = InputDeclaration(.django, [AnyField(domain)])

    static let domainFilter = Field<String>.string("domain", .optional).inQuery
        .documented("Only the zone of this domain", example: "example.com")

    /// The list's filter and page parameters.
    static let list = InputDeclaration(
        .django, [AnyField(domainFilter), AnyField(PageInput.page), AnyField(PageInput.pageSize)])
}
