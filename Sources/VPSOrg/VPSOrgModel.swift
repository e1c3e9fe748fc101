import SQLiteStore
import SandboxCore

/// The VPS.org world: servers on plans, operating systems and locations from `seed-data/`.
/// No HTTP here: routes live in `VPSOrgAPI`.
public struct VPSOrgModel: SandboxModule {
    public let catalog: VPSOrgCatalog

    public init(seeds: SeedDirectory) throws {
        catalog = try VPSOrgCatalog(seeds: seeds)
    }

    public var migrations: [Migration] { VPSOrgSchema.migrations }

    public func register(in scheduler: Scheduler) {
        ServerLifecycle.register(in: scheduler, catalog: catalog)
        ServerPower.register(in: scheduler)
        ServerResize.register(in: scheduler, catalog: catalog)
        ServerBackups.register(in: scheduler)
    }
}
