import SQLiteStore
import SandboxCore

/// The VPS.org world: servers on plans, operating systems and locations from `seed-data/`,
/// and the tenant's domains and DNS zones.
/// No HTTP here: routes live in `VPSOrgAPI`.
public struct VPSOrgModel: SandboxModule {
    public let catalog: VPSOrgCatalog
    public let registry: DomainRegistry

    public init(seeds: SeedDirectory) throws {
        catalog = try VPSOrgCatalog(seeds: seeds)
        registry = try DomainRegistry(seeds: seeds)
    }

    public var migrations: [Migration] { VPSOrgSchema.migrations + DomainSchema.migrations }

    public func register(in scheduler: Scheduler) {
        ServerLifecycle.register(in: scheduler, catalog: catalog)
        DomainExpiry.register(in: scheduler)
    }
}
