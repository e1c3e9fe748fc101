import SandboxTesting
import StructuredData
import Testing

@Suite struct OperatingSystemTests {
    @Test func familiesListTheirVersionsWithTheDocumentedIds() throws {
        let sandbox = try TestSandbox()
        let systems = sandbox.results("/api/v1/operating-systems/")
        #expect(systems.count == 6)
        let ubuntu = try #require(systems.first?.objectValue)
        #expect(ubuntu.keys == ["uuid", "name", "versions"])
        #expect(ubuntu["name"] == "Ubuntu")
        let versions = ubuntu["versions"]?.arrayValue ?? []
        #expect(versions.map { $0["name"] } == ["20.04 LTS", "22.04 LTS", "24.04 LTS"])
        #expect(versions.map { $0["id"] } == [1, 5, 8])
        #expect(versions.first?.objectValue?.keys == ["uuid", "name", "id"])
        let ids = systems.flatMap { $0["versions"]?.arrayValue ?? [] }.compactMap { $0["id"]?.intValue }
        #expect(ids.sorted() == Array(1...9))
    }

    @Test func aVersionUUIDInstallsTheImageItsIdNames() throws {
        let sandbox = try TestSandbox()
        var order = sandbox.clientOrder().objectValue!
        order["os_version"] = .string(sandbox.osVersionUUID(3))
        let created = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(created.json["os"] == ["id": 3, "name": "Debian 12"])
        #expect(created.json["os_name"] == "Debian 12")
    }
}
