import SandboxTesting
import StructuredData
import Testing

@Suite struct IncidentTests {
    @Test func anInjectedIncidentShowsOnTheServer() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let before = sandbox.request(.GET, "/api/v1/datacenter/server/\(vm.id)/incidents").json["response"]?.arrayValue?.count ?? -1
        let added = sandbox.request(.POST, "/_sandbox/incidents", json: [
            "serverId": .int(vm.id), "types": ["UDP Flood", "SYN Flood"], "impact": 5000, "direction": 1, "ongoing": true,
        ])
        #expect(added.status == 201, "\(added.text)")
        let listed = sandbox.request(.GET, "/api/v1/datacenter/server/\(vm.id)/incidents")
        #expect(listed.json["error"] == false)
        let incidents = try #require(listed.json["response"]?.arrayValue)
        #expect(incidents.count == before + 1)
        #expect(incidents.contains(added.json))
    }

    @Test func invalidIncidentsAreRefused() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": 999_999]).status == 404)
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: [:]).json["field"] == "serverId")
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": .int(vm.id), "direction": 3]).json["field"] == "direction")
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": .int(vm.id), "types": []]).json["field"] == "types")
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": .int(vm.id), "impact": -1]).json["field"] == "impact")
        #expect(sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": .int(vm.id), "host": "10.9.9.9"]).json["field"] == "host")
    }
}
