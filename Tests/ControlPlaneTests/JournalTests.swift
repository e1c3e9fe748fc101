import SandboxCore
import SandboxTesting
import StructuredData
import Testing

@Suite struct JournalTests {
    @Test func apiRequestsAreJournaledNewestFirstWithMaskedSecrets() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        sandbox.request(.POST, "/api/v1/datacenter/server?x=1", json: ["template": "nope"])
        sandbox.request(.GET, "/_sandbox/clock")
        let entries = try #require(sandbox.request(.GET, "/_sandbox/requests").json["requests"]?.arrayValue)
        #expect(entries.count == 2)
        let newest = entries[0]
        #expect(newest["method"] == "POST")
        #expect(newest["path"] == "/api/v1/datacenter/server")
        #expect(newest["query"] == "x=1")
        #expect(newest["status"] == 400)
        #expect(newest["requestBody"] == ["template": "nope"])
        #expect(newest["responseBody"]?["error"]?.stringValue != nil)
        #expect(newest["at"] == "2026-01-01T00:00:00Z")
        #expect(newest["requestHeaders"]?["Authorization"] == "Bearer test…")
        #expect(newest["tenant"] == .string(TenantLabel.of(sandbox.token)))
        #expect(!sandbox.request(.GET, "/_sandbox/requests").text.contains(sandbox.token))
        #expect(entries[1]["path"] == "/api/v1/datacenter/templates")
    }

    @Test func filtersSelectByMethodPathStatusSinceAndLimit() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        sandbox.request(.GET, "/api/v1/job/12345")
        sandbox.request(.DELETE, "/api/v1/datacenter/templates")
        sandbox.request(.GET, "/api/v1/datacenter/location")
        func paths(_ query: String) -> [String] {
            sandbox.request(.GET, "/_sandbox/requests?\(query)").json["requests"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        }
        #expect(paths("method=delete") == ["/api/v1/datacenter/templates"])
        #expect(paths("path=/api/v1/datacenter") == ["/api/v1/datacenter/location", "/api/v1/datacenter/templates", "/api/v1/datacenter/templates"])
        #expect(paths("path=/api/*/12345") == ["/api/v1/job/12345"])
        #expect(paths("status=404") == ["/api/v1/job/12345"])
        #expect(paths("status=4xx").count == 2)
        #expect(paths("limit=1") == ["/api/v1/datacenter/location"])
        let oldest = sandbox.request(.GET, "/_sandbox/requests").json["requests"]?.arrayValue?.last?["id"]?.intValue ?? 0
        #expect(paths("since=\(oldest)").count == 3)
        #expect(paths("since=2026-01-01T00:00:00Z").count == 4)
        #expect(paths("since=2026-01-02T00:00:00Z").isEmpty)
        for bad in ["status=abc", "since=yesterday", "limit=0", "limit=x"] {
            #expect(sandbox.request(.GET, "/_sandbox/requests?\(bad)").status == 400, "\(bad)")
        }
    }

    @Test func deleteClearsTheTenantsJournalOnly() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        sandbox.request(.GET, "/api/v1/datacenter/templates", token: "neighbour")
        #expect(sandbox.request(.DELETE, "/_sandbox/requests").json["removed"] == 1)
        #expect(sandbox.request(.GET, "/_sandbox/requests").json["requests"] == [])
        #expect(sandbox.request(.GET, "/_sandbox/requests", token: "neighbour").json["requests"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"]?.arrayValue?.count == 1)
    }

    @Test func theJournalIsBoundedAndBodiesAreCut() throws {
        let sandbox = try TestSandbox { $0.journalSize = 5 }
        for index in 0..<20 { sandbox.request(.GET, "/api/v1/job/\(index)") }
        let entries = try #require(sandbox.request(.GET, "/_sandbox/requests?limit=100").json["requests"]?.arrayValue)
        #expect(entries.map { $0["path"]?.stringValue ?? "" } == (15..<20).reversed().map { "/api/v1/job/\($0)" })
        #expect(sandbox.application.journal.storedCount == 5)
        let large = Array(repeating: UInt8(ascii: "a"), count: 100_000)
        sandbox.request(.POST, "/api/v1/datacenter/server", body: large, headers: [("Content-Type", "text/plain")])
        let stored = sandbox.request(.GET, "/_sandbox/requests?limit=1").json["requests"]?.arrayValue?.first?["requestBody"]?.stringValue
        #expect(stored?.utf8.count == 64 * 1024)
    }

    @Test func faultedRequestsAreJournaledWithTheirRule() throws {
        let sandbox = try TestSandbox()
        let rule = sandbox.request(.POST, "/_sandbox/faults", json: ["path": "*", "status": 503, "times": 1]).json["id"]
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        let entry = sandbox.request(.GET, "/_sandbox/requests").json["requests"]?.arrayValue?.first
        #expect(entry?["status"] == 503)
        #expect(entry?["faultId"] == rule)
    }
}
