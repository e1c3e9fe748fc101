import SQLiteStore
import SandboxCore

/// The VPS.org world: servers on plans, operating systems and locations from `seed-data/`.
/// No HTTP here: routes live in `VPSOrgAPI`.
public struct VPSOrgModel: SandboxModule {
    public init(seeds: SeedDirectory) throws {}

    public var migrations: [Migration] { [] }

    public func register(in scheduler: Scheduler) {}
}
