import Foundation
import SandboxTesting
import StructuredData
import Testing

/// Realtime tenants' due work happens without anyone asking: the background scheduler applies
/// it, and an event long-poll sees it (waiting on the event, not sleeping).
@Suite struct RealtimeClockTests {
    @Test func backgroundSchedulerFinishesAScaledInstallWithoutRequests() throws {
        let sandbox = try TestSandbox(clock: .realtime, seed: 3) { options in
            options.timeScale = 1_000
            options.backgroundInterval = 0.05
        }
        let created = sandbox.request(.POST, "/api/v1/datacenter/server", json: [
            "template": "Debian10.0", "cpuCores": 1, "mem": 1024, "disk": "25G", "ipCount": 1,
        ])
        #expect(created.status == 200)
        var after = sandbox.request(.GET, "/_sandbox/events?after=0").json["last"]?.intValue ?? 0
        // 122 simulated seconds at 1000x is about 0.12 s of real time; each poll waits for new events.
        var running = false
        for _ in 0..<20 where !running {
            let page = sandbox.request(.GET, "/_sandbox/events?after=\(after)&wait=2").json
            after = page["last"]?.intValue ?? after
            let events = page["events"]?.arrayValue ?? []
            running = events.contains { $0["resourceType"] == "virtual_server" && $0["to"] == "running" }
        }
        #expect(running)
    }
}
