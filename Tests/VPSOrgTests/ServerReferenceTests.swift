import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// Every server path takes the documented integer id or the server's uuid.
@Suite struct ServerReferenceTests {
    /// The stored uuid, as a snapshot of the tenant shows it.
    private func uuid(of id: Int, in sandbox: TestSandbox) throws -> String {
        let rows = sandbox.request(.GET, "/_sandbox/state").json["tables"]?["vpsorg_servers"]?.arrayValue ?? []
        let row = try #require(rows.first { $0["id"]?.intValue.map(Int.init) == id })
        return try #require(row["uuid"]?.stringValue)
    }

    @Test func theUuidNamesTheSameServerAsTheId() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        let uuid = try uuid(of: id, in: sandbox)
        #expect(uuid.count == 36 && uuid == uuid.lowercased())
        #expect(Array(uuid)[14] == "4")
        #expect(sandbox.request(.GET, "/api/v1/servers/\(uuid)/").json == sandbox.server(id).json)
        #expect(sandbox.request(.GET, "/api/v1/servers/\(uuid.uppercased())/").status == 200)
        let stopped = sandbox.request(.POST, "/api/v1/servers/\(uuid)/stop/")
        #expect(stopped.status == 200)
        #expect(stopped.json["server"]?["id"]?.intValue.map(Int.init) == id)
    }

    @Test func unknownUuidsAndOtherTenantsServersAreNotFound() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let uuid = try uuid(of: id, in: sandbox)
        for path in ["/api/v1/servers/\(uuid)/", "/api/v1/servers/00000000-0000-4000-8000-000000000000/", "/api/v1/servers/abc/"] {
            let response = sandbox.request(.GET, path, token: "someone-else")
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Not found."])
        }
    }

    @Test func everyServerGetsItsOwnUuidAndTheSeedReproducesThem() throws {
        func uuids() throws -> [String] {
            let sandbox = try TestSandbox(seed: 11)
            let ids = (0..<3).map { _ in sandbox.orderServer(token: "uuid-seed") }
            let rows = sandbox.request(.GET, "/_sandbox/state", token: "uuid-seed").json["tables"]?["vpsorg_servers"]?.arrayValue
            return ids.map { id in rows?.first { $0["id"]?.intValue.map(Int.init) == id }?["uuid"]?.stringValue ?? "" }
        }
        let first = try uuids()
        #expect(Set(first).count == 3)
        #expect(try uuids() == first)
    }

    @Test func unknownPathsUnderTheServersSectionAnswerInDRFsFormat() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let response = sandbox.request(.POST, "/api/v1/servers/\(id)/no-such-action/")
        #expect(response.status == 404)
        #expect(response.json == ["detail": "Not found."])
    }
}
