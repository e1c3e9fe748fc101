import SandboxTesting
import StructuredData
import Testing

@Suite struct IncidentsTests {
    @Test func incidentsHaveTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        var seen = 0
        for _ in 0..<6 {
            let id = sandbox.runningVM()
            let ips = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result["ips"]?.strings ?? []
            let response = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/incidents")
            #expect(response.status == 200)
            #expect(response.json.objectValue?.keys == ["response", "error"])
            #expect(response.json["error"] == false)
            let incidents = try #require(response.json["response"]?.arrayValue)
            #expect(incidents.count <= 3)
            for incident in incidents {
                #expect(incident.objectValue?.keys == ["gid", "start", "stop", "host", "direction", "impact", "types", "ongoing"])
                #expect(incident["gid"]?.intValue != nil)
                let start = incident["start"]?.stringValue ?? ""
                #expect(start.count == 19 && start.dropFirst(10).hasPrefix(" "))
                #expect((incident["stop"]?.stringValue ?? "") >= start)
                #expect(ips.contains(incident["host"]?.stringValue ?? ""))
                #expect([1, 2].contains(incident["direction"]?.intValue ?? 0))
                #expect((incident["impact"]?.intValue ?? 0) > 0)
                #expect(!(incident["types"]?.strings.isEmpty ?? true))
                #expect(incident["ongoing"] == 0)
            }
            seen += incidents.count
        }
        #expect(seen > 0)
    }

    @Test func incidentsAreDeterministicUnderASeed() throws {
        func incidents(token: String) throws -> [JSONValue] {
            let sandbox = try TestSandbox()
            var all: [JSONValue] = []
            for _ in 0..<4 {
                let id = sandbox.createVM(token: token).id
                all += sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/incidents", token: .some(token))
                    .json["response"]?.arrayValue ?? []
            }
            return all
        }
        let first = try incidents(token: "incidents-seeded")
        #expect(!first.isEmpty)
        #expect(try incidents(token: "incidents-seeded") == first)
    }
}
