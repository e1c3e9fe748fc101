import SandboxTesting
import StructuredData
import Testing

@Suite struct TenantIsolationTests {
    @Test func clocksJobsFaultsJournalsAndEventsStayWithTheirTenant() throws {
        let sandbox = try TestSandbox()
        let other = "isolated-neighbour"
        let vm = sandbox.createVM()
        sandbox.advance(seconds: 600)
        #expect(sandbox.request(.GET, "/_sandbox/clock").json["now"] == "2026-01-01T00:10:00Z")
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: other).json["now"] == "2026-01-01T00:00:00Z")

        #expect(sandbox.request(.GET, "/_sandbox/jobs", token: other).json["jobs"] == [])
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/fail", token: other).status == 404)

        let rule = sandbox.request(.POST, "/_sandbox/faults", json: ["path": "*", "status": 500]).json["id"]?.intValue ?? 0
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 500)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates", token: other).status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/faults", token: other).json["faults"] == [])
        #expect(sandbox.request(.DELETE, "/_sandbox/faults/\(rule)", token: other).status == 404)

        let journal = sandbox.request(.GET, "/_sandbox/requests", token: other).json["requests"]?.arrayValue ?? []
        #expect(journal.count == 1)
        #expect(journal.first?["path"] == "/api/v1/datacenter/templates")
        #expect(journal.first?["status"] == 200)

        #expect(sandbox.request(.GET, "/_sandbox/events", token: other).json["events"] == [])
        #expect((sandbox.request(.GET, "/_sandbox/events").json["events"]?.arrayValue?.count ?? 0) > 0)

        let theirState = sandbox.request(.GET, "/_sandbox/state", token: other).json
        #expect(theirState["tables"]?["virtual_servers"] == [])
        #expect(sandbox.request(.POST, "/_sandbox/incidents", token: other, json: ["serverId": .int(vm.id)]).status == 404)
        sandbox.request(.POST, "/_sandbox/reset", token: other)
        #expect(sandbox.request(.GET, "/_sandbox/faults").json["faults"]?.arrayValue?.count == 1)
    }
}
