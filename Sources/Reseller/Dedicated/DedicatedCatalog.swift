import SandboxCore

/// The dedicated-server catalogues from `seed-data/`.
public struct DedicatedCatalog: Sendable {
    public init(seeds: SeedDirectory) throws {}
}
