/// The runtime's settings, from the command line.
public struct RuntimeConfiguration: Sendable {
    /// Only tokens from `seed-data/tokens.json` are accepted.
    public var strictTokens = false
    public var defaultClockMode: SandboxClock.Mode = .realtime
    public var timeScale: Double = 1
    /// Makes IDs' companions (passwords, IPs, MACs, metrics) and tenants' start times reproducible.
    public var seed: UInt64?
    public var knownTokens: [TokenSeed] = []
    public var defaultBalance: Double = 10_000
    /// How often realtime tenants' due work is applied without a request (seconds; 0 = never).
    public var backgroundInterval: Double = 1
    /// Events and ended jobs older than this on the tenant's clock are deleted (days; 0 = kept).
    public var retentionDays: Double = 7
    /// Open-mode tenants without a request for this long (real days) are removed (0 = never).
    public var tenantIdleDays: Double = 30

    public init() {}

    /// With `--seed`, every tenant's clock starts here, so manual-clock runs print the same times.
    public static let seededEpoch: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
}
