import Dispatch
import Foundation
import HTTP1
import SandboxCore
import SandboxTesting
import StructuredData
import Testing

/// A long clock advance runs in slices: others are answered between them, while the
/// advancing tenant's own requests wait for the end. The advance is held between two
/// slices by a hook, so nothing here depends on timing.
@Suite struct FairnessTests {
    /// 10 VMs' daily backups: a year of them is over 30,000 due steps, more than one slice holds.
    static func scheduleDailyBackups(_ sandbox: TestSandbox) {
        for _ in 0..<10 {
            let vm = sandbox.createVM()
            sandbox.advance(seconds: 130)
            let task = sandbox.request(
                .POST, "/api/v1/datacenter/server/\(vm.id)/scheduled", json: ["command": "BACKUP", "interval": "DAILY"])
            #expect(task.status == 200, "\(task.text)")
        }
    }

    @Test func othersAreAnsweredWhileALongAdvanceRunsAndTheTenantWaits() throws {
        let sandbox = try TestSandbox()
        Self.scheduleDailyBackups(sandbox)
        let start = try #require(sandbox.request(.GET, "/_sandbox/clock").json["now"]?.stringValue)
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let entered = Box<Bool>()
        sandbox.application.runtime.betweenSlices = {
            guard entered.value == nil else { return }
            entered.value = true
            held.signal()
            release.wait()
        }
        let advanced = Box<TestResponse>(), advanceDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [port = sandbox.port, token = sandbox.token] in
            advanced.value = try? HTTPTestClient(port: port).send(
                .POST, "/_sandbox/clock/advance", headers: ["Authorization": "Bearer \(token)"],
                body: Array(#"{"seconds": 31536000}"#.utf8))
            advanceDone.signal()
        }
        try #require(held.wait(timeout: .now() + 60) == .success, "the advance never reached a second slice")

        // Held midway: another tenant, a 404 and the control plane are answered.
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates", token: "fairness-other").status == 200)
        #expect(sandbox.request(.GET, "/nothing/here").status == 404)
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "fairness-other").status == 200)

        // The advancing tenant's own read waits in its lane instead of seeing half a year.
        let own = Box<TestResponse>(), ownDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [port = sandbox.port, token = sandbox.token] in
            own.value = try? HTTPTestClient(port: port).send(
                .GET, "/api/v1/datacenter/server", headers: ["Authorization": "Bearer \(token)"], body: [])
            ownDone.signal()
        }
        #expect(waitUntil { sandbox.application.runtime.waitingRequests(token: sandbox.token) == 1 })
        #expect(advanced.value == nil)

        release.signal()
        #expect(advanceDone.wait(timeout: .now() + 120) == .success)
        #expect(ownDone.wait(timeout: .now() + 10) == .success)
        #expect(advanced.value?.status == 200)
        #expect(own.value?.status == 200)
        let end = try #require(advanced.value?.json["now"]?.stringValue.flatMap(Timestamp.parseISO8601))
        #expect(end - (Timestamp.parseISO8601(start) ?? 0) == 365 * 86_400_000)
        // The daily backups went on to the end of the year, each VM's at its own time.
        let jobs = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue ?? []
        let lastBackups = jobs.filter { $0["kind"] == "reseller.vm.backup" && $0["status"] == "finished" }
            .compactMap { $0["endedAt"]?.stringValue.flatMap(Timestamp.parseISO8601) }
            .filter { $0 > end - 86_400_000 }
        #expect(lastBackups.count == 10)
    }

    /// A scenario for a tenant in the middle of a long advance waits for the advance in the
    /// tenant's lane, then applies on the advanced world (it used to get a 409).
    @Test func aScenarioForAnAdvancingTenantWaitsForTheAdvance() throws {
        let sandbox = try TestSandbox()
        Self.scheduleDailyBackups(sandbox)
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let entered = Box<Bool>()
        sandbox.application.runtime.betweenSlices = {
            guard entered.value == nil else { return }
            entered.value = true
            held.signal()
            release.wait()
        }
        let advanceDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [port = sandbox.port, token = sandbox.token] in
            _ = try? HTTPTestClient(port: port).send(
                .POST, "/_sandbox/clock/advance", headers: ["Authorization": "Bearer \(token)"],
                body: Array(#"{"seconds": 31536000}"#.utf8))
            advanceDone.signal()
        }
        try #require(held.wait(timeout: .now() + 60) == .success, "the advance never reached a second slice")

        let scenario: JSONValue = [
            "version": 1,
            "tenants": [["token": .string(sandbox.token), "vpsorgServers": [["name": "late", "plan_id": 1, "os_id": 5, "location": "us-west"]]]],
        ]
        let loaded = Box<TestResponse>(), loadDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [port = sandbox.port] in
            loaded.value = try? HTTPTestClient(port: port).send(
                .POST, "/_sandbox/scenarios", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(scenario))
            loadDone.signal()
        }
        #expect(waitUntil { sandbox.application.runtime.waitingRequests(token: sandbox.token) == 1 })
        #expect(loaded.value == nil)

        release.signal()
        #expect(advanceDone.wait(timeout: .now() + 120) == .success)
        #expect(loadDone.wait(timeout: .now() + 10) == .success)
        #expect(loaded.value?.status == 200, "\(loaded.value?.text ?? "no answer")")
        let server = sandbox.request(.GET, "/api/v1/servers/").json["results"]?.arrayValue?.first
        #expect(server?["name"] == "late")
        // Created at the end of the advanced year, not in the middle of it.
        #expect(server?["created_at"]?.stringValue?.hasPrefix("2027-") == true, "\(server?["created_at"] ?? .null)")
    }
}
