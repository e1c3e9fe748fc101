import SandboxCore
import StructuredData

/// The dedicated market: seed offers minus those this tenant holds. Ordering an offer
/// charges its price and creates the server (ID = offer ID), which is delivered after the
/// offer's `provisioningHours` on the tenant's clock.
public enum DedicatedMarket {
    /// Orders are numbered from here (the `orderId` of `status`); BYOD orders have their own numbers.
    static let firstOrderNumber = 300

    /// `GET /datacenter/dedicated/market`.
    public static func offers(_ catalog: DedicatedCatalog, in context: TenantContext) throws -> JSONValue {
        let taken = try takenOffers(in: context)
        return .array(catalog.offers.filter { !taken.contains($0.id) }.map(\.marketJSON))
    }

    /// `POST /datacenter/dedicated/order`: validates everything, then charges, then creates.
    /// Returns the server's ID. `unreadable` holds fields that could not even be read (a word
    /// for `id`): refused with the others' problems, and not checked again.
    @discardableResult
    public static func order(
        offerId: Int?, template: String?, hostname: String?, unreadable: FieldErrors = FieldErrors(),
        catalog: DedicatedCatalog, in context: TenantContext
    ) throws -> Int {
        var errors = unreadable
        let offer = try errors.reading(unlessRefused: "id") { try available(offerId, catalog: catalog, in: context) }
        let template = try errors.reading(unlessRefused: "template") { try catalog.template(from: template) }
        let hostname = try errors.reading(unlessRefused: "hostname") {
            try HostnameRule.dedicatedServer.required(hostname, field: "hostname")
        }
        try errors.throwIfAny()
        guard let offer, let template, let hostname else { throw DomainError.invalid("body", "the order is incomplete") }
        try context.charge(euros: offer.configuration.price)
        let server = try DedicatedServer.create(
            id: offer.id, orderId: try context.nextID("dedicated_order", first: firstOrderNumber), offerId: offer.id,
            byodOrderId: nil, hostname: hostname, template: template, hardware: offer.hardware, ipCount: 1,
            orderComplete: false, in: context)
        try context.startJob(
            DedicatedLifecycle.provision, resourceType: DedicatedServer.resourceType, resourceId: server.id,
            queuedFor: 0, runsFor: Int64(offer.provisioningHours) * 3_600_000)
        return server.id
    }

    /// The offer `id` names, if it exists and nobody has ordered it yet.
    private static func available(_ offerId: Int?, catalog: DedicatedCatalog, in context: TenantContext) throws -> DedicatedOffer {
        let rule = "id must be the id of an offer on GET /datacenter/dedicated/market"
        guard let offerId else { throw DomainError.invalid("id", "id is required; \(rule)") }
        guard let offer = catalog.offer(offerId) else { throw DomainError.invalid("id", "\(rule); \(offerId) is not") }
        if try takenOffers(in: context).contains(offerId) {
            throw DomainError.invalid(
                "id", "\(rule); offer \(offerId) has already been ordered (it is dedicated server \(offerId))")
        }
        return offer
    }

    private static func takenOffers(in context: TenantContext) throws -> Set<Int> {
        Set(
            try context.connection.query(
                "SELECT offer_id FROM dedicated_servers WHERE tenant_id = ? AND offer_id IS NOT NULL", context.tenantId
            ).map { try $0.int("offer_id") })
    }
}
