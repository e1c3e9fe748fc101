import SandboxCore

/// A `POST /api/v1/domains/search/` answer: whether the tenant can register the name, and its price.
public struct DomainAvailability: Sendable {
    public let name: String
    public let available: Bool
    public let price: TLDPrice
}

/// When a domain expires on its tenant's clock, the change is recorded, so the event feed
/// and the dashboard show it when it happens; the status itself is read from the date.
enum DomainExpiry {
    static let timer = "vpsorg.domain.expire"

    static func register(in scheduler: Scheduler) {
        scheduler.onTimer(timer) { context, timer in
            // A domain deleted or renewed meanwhile is left alone.
            guard let id = timer.resourceId, let domain = try Domain.find(id: id, in: context),
                domain.status(at: context.now) == .expired
            else { return }
            try context.recordTransition(
                resourceType: Domain.resourceType, resourceId: id, from: DomainStatus.active.rawValue, to: DomainStatus.expired.rawValue)
        }
    }

    /// The domain's one pending expiry, at its expiration date.
    static func schedule(_ domain: Domain, in context: TenantContext) throws {
        try context.cancelTimers(resourceType: Domain.resourceType, resourceId: domain.id, kinds: [timer])
        try context.schedule(timer, at: domain.expiresAt, resourceType: Domain.resourceType, resourceId: domain.id)
    }
}

/// Registering, renewing and pointing domains. Registration and renewal are charged to the
/// tenant's balance at the TLD's yearly price, at once (a registry answers in seconds).
extension VPSOrgModel {
    /// Registries let a registration run at most ten years ahead.
    public static let registrationYears = 1...10

    public func searchDomain(_ text: String, in context: TenantContext) throws -> DomainAvailability {
        let name = try DomainName.registrable(text, field: "domain", registry: registry)
        return DomainAvailability(name: name.name, available: try Domain.find(name: name.name, in: context) == nil, price: name.tld)
    }

    /// An expiration past the sandbox clock's last day (9999-12-31) could not be written as a date.
    private static func requireRepresentable(_ expiresAt: Int64) throws {
        guard SandboxClock.representable.contains(expiresAt) else {
            throw DomainError.invalid("years", "The registration would run past 9999-12-31, the sandbox clock's last day.")
        }
    }

    /// Registers `text` for `years` with the registry's nameservers.
    public func registerDomain(_ text: String, years: Int, in context: TenantContext) throws -> Domain {
        let name = try DomainName.registrable(text, field: "domain_name", registry: registry)
        guard try Domain.find(name: name.name, in: context) == nil else {
            throw DomainError.invalid("domain_name", "domain with this domain name already exists.")
        }
        let expiresAt = CivilCalendar.adding(months: 12 * years, to: context.now)
        try Self.requireRepresentable(expiresAt)
        try context.charge(euros: name.tld.registration * Double(years))
        let domain = try Domain.insert(
            uuid: context.random.uuid(), name: name.name, registrar: registry.registrar,
            expiresAt: expiresAt, nameservers: registry.nameservers, in: context)
        try context.recordTransition(resourceType: Domain.resourceType, resourceId: domain.id, from: nil, to: DomainStatus.active.rawValue)
        try DomainExpiry.schedule(domain, in: context)
        return domain
    }

    /// Moves the expiration `years` further, from the current one (an expired domain is renewed
    /// from the date it expired, as registries count), within ten years of today.
    public func renewDomain(_ uuid: String, years: Int, in context: TenantContext) throws -> Domain {
        var domain = try Domain.find(uuid: uuid, in: context)
        let renewed = CivilCalendar.adding(months: 12 * years, to: domain.expiresAt)
        try Self.requireRepresentable(renewed)
        let limit = CivilCalendar.adding(months: 12 * Self.registrationYears.upperBound, to: context.now)
        guard renewed <= limit else {
            let most = (1..<years).last { CivilCalendar.adding(months: 12 * $0, to: domain.expiresAt) <= limit }
            throw DomainError.invalid(
                "years",
                "A registration can run at most \(Self.registrationYears.upperBound) years ahead; "
                    + (most.map { "this domain can be renewed for at most \($0) year(s)." } ?? "this domain cannot be renewed yet."))
        }
        guard let price = registry.price(of: domain.name) else {
            throw DomainError(.invalidInput, "The TLD of \(domain.name) is no longer offered, so it cannot be renewed here.")
        }
        try context.charge(euros: price.renewal * Double(years))
        let before = domain.status(at: context.now)
        domain.expiresAt = renewed
        domain.updatedAt = context.now
        try domain.save(in: context)
        try context.recordTransition(
            resourceType: Domain.resourceType, resourceId: domain.id, from: before.rawValue, to: domain.status(at: context.now).rawValue)
        try DomainExpiry.schedule(domain, in: context)
        return domain
    }

    /// Points the domain at 2 to 4 nameservers (checked as host names by the caller's input).
    public func updateNameservers(_ uuid: String, _ nameservers: [String], in context: TenantContext) throws -> Domain {
        var domain = try Domain.find(uuid: uuid, in: context)
        domain.nameservers = nameservers
        domain.updatedAt = context.now
        try domain.save(in: context)
        return domain
    }

    public func domain(_ uuid: String, in context: TenantContext) throws -> Domain {
        try Domain.find(uuid: uuid, in: context)
    }

    /// The tenant's domain called `name`, if any (scenarios know domains by name).
    public func domain(named name: String, in context: TenantContext) throws -> Domain? {
        try Domain.find(name: DomainName.normalized(name), in: context)
    }

    public func countDomains(in context: TenantContext) throws -> Int {
        try context.connection.first("SELECT COUNT(*) AS total FROM vpsorg_domains WHERE tenant_id = ?", context.tenantId)?
            .int("total") ?? 0
    }

    /// Domains in registration order, `limit` of them from `offset`.
    public func domains(offset: Int, limit: Int, in context: TenantContext) throws -> [Domain] {
        try context.connection.query(
            "SELECT * FROM vpsorg_domains WHERE tenant_id = ? ORDER BY id LIMIT ? OFFSET ?", [context.tenantId, limit, offset]
        ).map(Domain.init(row:))
    }
}
