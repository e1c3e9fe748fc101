import APIKit
import Reseller
import SandboxCore
import StructuredData

/// VMs as the reseller API shows them: the ID list, status with metrics, configuration.
enum VirtualServerPresenter {
    static let state = Schema.choice(VirtualServer.State.allCases.map(\.rawValue))

    static let ids = Presenter<Int>.id.list

    /// The documents' `{"cpu": 0, "mem": 455467008, ..., "state": "running"}`; a VM that is not
    /// running reports integer zeros, as the documents show.
    static let status = Presenter<VirtualServerStatus>.object(
        "VirtualServerStatus",
        [
            PresentedProperty("cpu", .number(minimum: 0)) { $0.state == .running ? .double($0.cpu) : .int(0) },
            .int("mem", .integer(minimum: 0)) { Int($0.memoryUsed) },
            .int("memfree", .integer(minimum: 0)) { Int($0.memoryFree) },
            .int("netin", .integer(minimum: 0)) { Int($0.bytesIn) },
            .int("netout", .integer(minimum: 0)) { Int($0.bytesOut) },
            .int("uptime", .integer(minimum: 0)) { Int($0.uptime) },
            .string("state", state) { $0.state.rawValue },
        ])

    /// `ips` are the IPv4 addresses, then the IPv6 ones.
    static let config = Presenter<VirtualServer>.object(
        "VirtualServerConfig",
        [
            .int("cpuCores", .integer(minimum: 1)) { $0.cpuCores },
            .int("mem", .integer(minimum: 1)) { $0.memoryMB },
            .string("disk", .string(pattern: "^[0-9]+G$").described("Root disk size", example: "25G")) { "\($0.diskGB)G" },
            PresentedProperty("ips", .array(.ipAddress)) { .array($0.ips.map { .string($0) }) },
            .string("template") { $0.template },
            PresentedProperty("iso", Schema.text.orNull.described("The inserted ISO's id")) { .string($0.iso) },
        ])

    /// `{"status": "success", "password": "…"}`.
    static let newPassword = Presenter<String>.object([
        PresentedProperty("status", .constant("success")) { _ in "success" },
        .string("password") { $0 },
    ])

    /// The console URL, valid 10 s.
    static let consoleURL = Presenter<String>(schema: .string(format: "uri")) { .string($0) }
}
