import SandboxTesting
import StructuredData
import Testing

@Suite struct LocationTests {
    @Test func locationsCarryTheClientsIdAndTheDocumentedCode() throws {
        let sandbox = try TestSandbox()
        let locations = sandbox.results("/api/v1/locations/")
        #expect(locations.count == 5)
        let first = try #require(locations.first?.objectValue)
        #expect(first.keys == ["id", "name", "country_name", "country_code", "is_active", "code"])
        #expect(first["id"] == 1)
        #expect(first["code"] == "us-west")
        #expect(first["country_code"] == "US")
        #expect(first["is_active"] == true)
    }

    @Test func aLocationIdAndItsCodePlaceTheServerAlike() throws {
        let sandbox = try TestSandbox()
        var order = sandbox.clientOrder().objectValue!
        order["location"] = 3
        let byId = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(byId.json["location"] == "eu-central")
        #expect(byId.json["location_name"] == "Frankfurt, DE")
        #expect(sandbox.results("/api/v1/servers/?location=eu-central").count == 1)
    }
}
