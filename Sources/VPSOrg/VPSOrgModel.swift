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

    public var migrations: [Migration] { VPSOrgSchema.migrations + DomainSchema.migrations + DeploySchema.migrations }

    public func register(in scheduler: Scheduler) {
        ServerLifecycle.register(in: scheduler, catalog: catalog)
        ServerPower.register(in: scheduler)
        ServerResize.register(in: scheduler, catalog: catalog)
        ServerBackups.register(in: scheduler)
        DomainExpiry.register(in: scheduler)
        DeploymentRun.register(in: scheduler)
    }
}
