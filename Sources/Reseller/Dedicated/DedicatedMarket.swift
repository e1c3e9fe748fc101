import SandboxCore

/// The dedicated market: seed offers minus those this tenant holds. Ordering an offer
/// charges its price and creates the server (ID = offer ID), which is delivered after the
/// offer's `provisioningHours` on the tenant's clock.
public enum DedicatedMarket {
    /// Orders are numbered from here (the `orderId` of `status`); BYOD orders have their own numbers.
    static let firstOrderNumber = 300

    /// `GET /datacenter/dedicated/market`: the offers this tenant has not ordered.
    public static func offers(_ catalog: DedicatedCatalog, in context: TenantContext) throws -> [DedicatedOffer] {
        let taken = try takenOffers(in: context)
        return catalog.offers.filter { !taken.contains($0.id) }
    }

    /// `POST /datacenter/dedicated/order`: a market offer, installed with `template`.
    public struct Order: Sendable {
        public let offer: DedicatedOffer
        public let template: DedicatedTemplate
        public let hostname: String

        public init(offer: DedicatedOffer, template: DedicatedTemplate, hostname: String) {
            self.offer = offer
            self.template = template
            self.hostname = hostname
        }
    }

    /// `POST /datacenter/dedicated/order`: charges, then creates the server, delivered after
    /// the offer's provisioning hours. Returns the server's ID. An offer is sold once per tenant.
    @discardableResult
    public static func order(_ order: Order, in context: TenantContext) throws -> Int {
        let offer = order.offer
        if try takenOffers(in: context).contains(offer.id) {
            throw DomainError.invalid(
                "id",
                "id must be the id of an offer on GET /datacenter/dedicated/market; offer \(offer.id) has already been ordered"
                    + " (it is dedicated server \(offer.id))")
        }
        try context.charge(euros: offer.configuration.price)
        let server = try DedicatedServer.create(
            id: offer.id, orderId: try context.nextID("dedicated_order", first: firstOrderNumber), offerId: offer.id,
            byodOrderId: nil, hostname: order.hostname, template: order.template.name, hardware: offer.hardware, ipCount: 1,
            orderComplete: false, in: context)
        try context.startJob(
            DedicatedLifecycle.provision, resourceType: DedicatedServer.resourceType, resourceId: server.id,
            queuedFor: 0, runsFor: Int64(offer.provisioningHours) * 3_600_000)
        return server.id
    }

    private static func takenOffers(in context: TenantContext) throws -> Set<Int> {
        Set(
            try context.connection.query(
                "SELECT offer_id FROM dedicated_servers WHERE tenant_id = ? AND offer_id IS NOT NULL", context.tenantId
            ).map { try $0.int("offer_id") })
    }
}
