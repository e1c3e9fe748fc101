import SQLiteStore
import SandboxCore

/// The hosterapi.de reseller world: cloud servers (VMs) and dedicated servers, with the
/// catalogues from `seed-data/`. No HTTP here: routes live in `ResellerAPI`.
public struct ResellerModel: SandboxModule {
    public let cloud: CloudCatalog
    public let dedicated: DedicatedCatalog

    /// This sandbox's console tickets (in memory, real-time expiry).
    public let consoles: ConsoleTickets

    public init(seeds: SeedDirectory, consoleTicketSeconds: Double = ConsoleTickets.defaultValidity) throws {
        cloud = try CloudCatalog(seeds: seeds)
        dedicated = try DedicatedCatalog(seeds: seeds)
        consoles = ConsoleTickets(validity: consoleTicketSeconds)
    }

    public var migrations: [Migration] { CloudSchema.migrations + DedicatedSchema.migrations }

    /// A backup's status and a BYOD order's status are read from their jobs.
    public var jobReferences: [JobReference] { CloudSchema.jobReferences + DedicatedSchema.jobReferences }

    public func register(in scheduler: Scheduler) {
        CloudLifecycle.register(in: scheduler, model: self)
        DedicatedLifecycle.register(in: scheduler, model: self)
    }
}
