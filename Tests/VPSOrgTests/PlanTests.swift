import SandboxTesting
import StructuredData
import Testing

@Suite struct PlanTests {
    @Test func plansCarryWhatTheClientsReadAndTheDocumentedId() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/plans/")
        #expect(response.status == 200)
        #expect(response.json["count"] == 5)
        #expect(response.json["next"] == .null)
        let plan = try #require(response.json["results"]?.arrayValue?.first?.objectValue)
        #expect(plan.keys == [
            "uuid", "ram", "ram_unit", "cpu", "disk_space", "cpu_type_name", "transfer", "monthly_price", "hourly_price", "id", "name",
        ])
        #expect(plan["uuid"] == "e539a78b-c8ef-4346-8b12-ae6ead581e57")
        #expect(plan["ram"] == 4)
        #expect(plan["ram_unit"] == "GB")
        #expect(plan["cpu"] == 2)
        #expect(plan["disk_space"] == 80)
        #expect(plan["transfer"] == 2048)
        #expect(plan["monthly_price"] == "12.00")
        #expect(plan["hourly_price"] == "0.0164")
        #expect(plan["id"] == 1)
    }

    @Test func aPlanUUIDOrdersTheSamePlanAsItsDocumentedId() throws {
        let sandbox = try TestSandbox()
        let viaUUID = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder())
        #expect(viaUUID.status == 201)
        #expect(viaUUID.json["plan"] == ["id": 3, "name": "Starter VPS", "vcpus": 1, "memory": 2048, "storage": 40])
    }

    @Test func pagesAsDRFDoes() throws {
        let sandbox = try TestSandbox()
        let first = sandbox.request(.GET, "/api/v1/plans/?page_size=2").json
        #expect(first["results"]?.arrayValue?.count == 2)
        #expect(first["next"]?.stringValue?.hasSuffix("/api/v1/plans/?page=2&page_size=2") == true)
        let last = sandbox.request(.GET, "/api/v1/plans/?page=last&page_size=2").json
        #expect(last["results"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/api/v1/plans/?page=9").json == ["detail": "Invalid page."])
    }

    @Test func needsATokenAndUnknownPathsAnswerInDRFsFormat() throws {
        let sandbox = try TestSandbox()
        let anonymous = sandbox.request(.GET, "/api/v1/plans/", token: .some(nil))
        #expect(anonymous.status == 401)
        let unknown = sandbox.request(.GET, "/api/v1/plans/nothing/here/")
        #expect(unknown.status == 404)
        #expect(unknown.json == ["detail": "Not found."])
    }
}
