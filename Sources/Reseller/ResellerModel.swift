import SQLiteStore
import SandboxCore

/// The hosterapi.de reseller world: cloud servers (VMs) and dedicated servers, with the
/// catalogues from `seed-data/`. No HTTP here: routes live in `ResellerAPI`.
public struct ResellerModel: SandboxModule {
    public let cloud: CloudCatalog
    public let dedicated: DedicatedCatalog

    public init(seeds: SeedDirectory) throws {
        cloud = try CloudCatalog(seeds: seeds)
        dedicated = try DedicatedCatalog(seeds: seeds)
    }

    public var migrations: [Migration] { CloudSchema.migrations + DedicatedSchema.migrations }

    public func register(in scheduler: Scheduler) {
        CloudLifecycle.register(in: scheduler, model: self)
        DedicatedLifecycle.register(in: scheduler, model: self)
    }
}
