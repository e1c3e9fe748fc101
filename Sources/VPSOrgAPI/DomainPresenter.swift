import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// Domains as `vps-mcp` reads them (`format_domain`): the list item and the detail are one
/// shape, with `days_until_expiration` and `status` on the tenant's clock.
enum DomainPresenter {
    typealias Dated = (domain: Domain, now: Int64)

    private static let hostname = Schema.string(minLength: 1, maxLength: 253, format: "hostname")

    static let domain = Presenter<Dated>.object(
        "VPSOrgDomain",
        [
            .string("uuid", .uuid) { $0.domain.uuid },
            .string("domain_name", hostname) { $0.domain.name },
            PresentedProperty("status", .choice(DomainStatus.allCases.map(\.rawValue))) { .string($0.domain.status(at: $0.now).rawValue) },
            .string("registrar") { $0.domain.registrar },
            .string("expiration_date", Schema.date.described("The day the registration ends (UTC)")) {
                String(Timestamp.iso8601($0.domain.expiresAt).prefix(10))
            },
            .int("days_until_expiration", Schema.int.described("Whole days left on the tenant's clock; negative once expired")) {
                $0.domain.daysUntilExpiration(at: $0.now)
            },
            .bool("auto_renew") { $0.domain.autoRenew },
        ] + (0..<4).map { index in
            PresentedProperty("nameserver\(index + 1)", hostname.orNull) { dated in
                index < dated.domain.nameservers.count ? .string(dated.domain.nameservers[index]) : .null
            }
        } + [
            .bool("whois_privacy") { $0.domain.whoisPrivacy },
            .bool("transfer_lock") { $0.domain.transferLock },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.domain.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.domain.updatedAt) },
        ])

    static let page = PagePresenter.page("VPSOrgDomainPage", domain)

    /// Prices as DRF writes decimals: a string with two places.
    static func euros(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        return "\(cents / 100).\(String(cents % 100).zeroPadded(to: 2))"
    }

    private static let price = Schema.string(pattern: "^[0-9]+\\.[0-9]{2}$")

    static let availability = Presenter<DomainAvailability>.object(
        "VPSOrgDomainAvailability",
        [
            .string("domain", hostname) { $0.name },
            .bool("available") { $0.available },
            .string("tld") { $0.price.tld },
            .string("price", price.described("EUR for the first year")) { euros($0.price.registration) },
            .string("renewal_price", price.described("EUR per further year")) { euros($0.price.renewal) },
            .string("currency", .constant("EUR")) { _ in "EUR" },
        ])
}

extension Schema {
    /// A lower-case UUID, as VPS.org names its clients' objects.
    static let uuid = Schema.string(pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", format: "uuid")
    /// `2027-01-01`, as DRF writes a DateField.
    static let date = Schema.string(format: "date")
}
