import SandboxCore

/// Simulated metrics of a server, consistent with its plan and state: nothing while it is
/// provisioning; no CPU or memory while it is off; bandwidth and disk grow with powered-on time.
/// Values depend only on the server and the minute of the tenant's clock, so two reads in
/// the same minute agree and reads do not disturb the tenant's random sequence.
public struct ResourceUsage: Sendable, Equatable {
    public let cpuPercent: Double
    /// MB.
    public let memoryUsed: Int
    /// GB.
    public let diskUsed: Int
    /// GB.
    public let bandwidthUsed: Int

    public init(of server: VPSServer, at now: Int64) {
        guard server.status != .provisioning else {
            self.init(cpuPercent: 0, memoryUsed: 0, diskUsed: 0, bandwidthUsed: 0)
            return
        }
        let hours = Double(server.uptime(at: now)) / 3_600_000
        let seed = server.metricsSeed
        let bandwidthPerHour = 0.05 + Double(seed % 1000) / 1000 * 0.5
        let diskBase = 2 + Int((seed >> 12) % 5)
        let bandwidth = min(server.plan.bandwidth, Int(hours * bandwidthPerHour))
        let disk = min(server.plan.storage, diskBase + Int(hours * 0.01))
        var minute = SeededRandom(state: seed &+ UInt64(max(0, now / 60_000)))
        let load: ClosedRange<Double>
        switch server.status {
        case .active: load = 0.02...0.65
        case .starting, .rebooting: load = 0.4...0.95
        case .stopping: load = 0.05...0.2
        default: load = 0...0
        }
        let cpu = server.status.isPoweredOn ? (minute.double(in: load) * 1000).rounded() / 10 : 0
        let memoryShare = server.status.isPoweredOn ? minute.double(in: 0.2...0.75) : 0
        self.init(
            cpuPercent: cpu, memoryUsed: Int(Double(server.plan.memory) * memoryShare), diskUsed: disk,
            bandwidthUsed: bandwidth)
    }

    init(cpuPercent: Double, memoryUsed: Int, diskUsed: Int, bandwidthUsed: Int) {
        self.cpuPercent = cpuPercent
        self.memoryUsed = memoryUsed
        self.diskUsed = diskUsed
        self.bandwidthUsed = bandwidthUsed
    }
}
