import SQLiteStore
import SandboxCore

/// `GET .../status`: simulated, plausible and reproducible metrics. They are a pure function
/// of the VM's `metricsSeed`, its configuration and the uptime on the sandbox clock, so
/// reading them changes nothing and gives the same answer for the same clock.
public enum VirtualServerMetrics {
    /// What the metrics depend on. Read with a narrow query: clients poll status while they
    /// wait for a VM, and decoding the whole VM (addresses, rDNS) was most of the cost.
    struct Inputs {
        let state: VirtualServer.State
        let memoryMB: Int
        let startedAt: Int64?
        let metricsSeed: Int64

        init(row: Row) throws {
            state = try row.value("state", as: VirtualServer.State.self)
            memoryMB = try row.int("mem_mb")
            startedAt = try row.optionalInt("started_at").map(Int64.init)
            metricsSeed = try row.int64("metrics_seed")
        }
    }

    public static func status(_ serverId: Int, in context: TenantContext) throws -> VirtualServerStatus {
        let inputs = try VirtualServers.row(
            serverId,
            "SELECT state, mem_mb, started_at, metrics_seed FROM virtual_servers WHERE id = ? AND tenant_id = ?",
            in: context, as: Inputs.init(row:))
        return status(of: inputs, at: context.now)
    }

    /// A VM that is not running reports zeros and its state (`stopped`, `installing`, ...).
    static func status(of server: Inputs, at now: Int64) -> VirtualServerStatus {
        let totalBytes = Int64(server.memoryMB) * 1_048_576
        guard server.state == .running, let startedAt = server.startedAt else {
            return VirtualServerStatus(
                state: server.state, cpu: 0, memoryUsed: 0, memoryFree: 0, bytesIn: 0, bytesOut: 0, uptime: 0)
        }
        let uptime = max(0, (now - startedAt) / 1000)
        let seed = UInt64(bitPattern: server.metricsSeed)
        // Varies once a minute, around a per-VM base load.
        let minute = UInt64(bitPattern: uptime / 60)
        let wobble = Double(mix(seed ^ minute &* 0x9E37_79B9) % 1000) / 1000
        let cpu = ((0.5 + Double(seed % 800) / 100 + wobble * 4) * 100).rounded() / 100
        let memShare = 0.18 + Double(seed % 300) / 1000 + wobble * 0.12
        let mem = Int64(Double(totalBytes) * memShare)
        // Bytes per second in and out, with a floor so a fresh boot already shows traffic.
        let rateIn = Int64(400 + seed % 3_000)
        let rateOut = Int64(300 + (seed >> 12) % 2_500)
        return VirtualServerStatus(
            state: .running, cpu: cpu, memoryUsed: mem, memoryFree: totalBytes - mem, bytesIn: 8_192 + uptime * rateIn,
            bytesOut: 4_096 + uptime * rateOut, uptime: uptime)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A VM's state and simulated load, as `GET .../status` reports them.
public struct VirtualServerStatus: Sendable {
    public let state: VirtualServer.State
    /// Load in percent, two decimals; 0 while not running.
    public let cpu: Double
    /// Memory in use and free, in bytes.
    public let memoryUsed: Int64
    public let memoryFree: Int64
    /// Bytes received and sent since the last start.
    public let bytesIn: Int64
    public let bytesOut: Int64
    /// Seconds since the last start.
    public let uptime: Int64
}
