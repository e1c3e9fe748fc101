import SandboxTesting
import StructuredData
import Testing

/// `POST /api/v1/servers/` as `vps_mcp`'s `create_server` sends it.
@Suite struct ServerClientCreateTests {
    @Test func theClientsBodyCreatesAServerTheirUUIDThenNames() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder())
        #expect(response.status == 201)
        let uuid = try #require(response.json["uuid"]?.stringValue)
        #expect(response.json["name"] == "my-server")
        #expect(response.json["hostname"] == "my-server")
        #expect(response.json["status"] == "provisioning")
        #expect(response.json["password"]?.stringValue?.count == 16)
        #expect(sandbox.balance() == 9994.0)
        sandbox.advance(seconds: 300)
        let detail = sandbox.request(.GET, "/api/v1/servers/\(uuid)/")
        #expect(detail.status == 200)
        #expect(detail.json["id"] == response.json["id"])
        #expect(detail.json["status"] == "active")
        #expect(detail.json["ip_address"]?.stringValue != nil)
        #expect(detail.json["password"] == nil)
    }

    @Test func theNameIsTheHostnamesFirstLabelUnlessSent() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder(hostname: "web1.example.com")).json["name"]
            == "web1")
        var order = sandbox.clientOrder().objectValue!
        order["name"] = "named"
        #expect(sandbox.request(.POST, "/api/v1/servers/", json: .object(order)).json["name"] == "named")
    }

    @Test func everyBadFieldIsNamedAtOnceInDRFsWordsAndNothingChanges() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: [
            "hostname": "not a host", "location": 99, "plan": "00000000-0000-4000-8000-000000000000",
            "os_version": "nope",
        ])
        #expect(response.status == 400)
        #expect(response.json == [
            "hostname": ["hostname must be 1 to 253 characters: labels of letters, digits and '-' separated by '.'"],
            "location": ["Invalid pk \"99\" - object does not exist."],
            "plan": ["Invalid pk \"00000000-0000-4000-8000-000000000000\" - object does not exist."],
            "os_version": ["“nope” is not a valid UUID."],
        ])
        let types = sandbox.request(.POST, "/api/v1/servers/", json: ["plan": 5, "location": true, "os_version": ""])
        #expect(types.json == [
            "hostname": ["This field is required."], "location": ["Incorrect type. Expected pk value, received bool."],
            "plan": ["Incorrect type. Expected pk value, received int."], "os_version": ["This field may not be null."],
        ])
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)
        #expect(sandbox.balance() == 10000.0)
    }

    @Test func anUnknownPlanAloneIsRefusedUnderPlan() throws {
        let sandbox = try TestSandbox()
        var order = sandbox.clientOrder().objectValue!
        order["plan"] = "e539a78b-c8ef-4346-8b12-ae6ead581e50"
        let response = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(response.status == 400)
        #expect(response.json.objectValue?.keys == ["plan"])
    }

    @Test func aBodyWithTheDocumentsKeysIsReadAsTheDocuments() throws {
        let sandbox = try TestSandbox()
        var order = sandbox.clientOrder().objectValue!
        order["plan_id"] = 1
        let response = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(response.status == 400)
        #expect(response.json == [
            "name": ["This field is required."], "os_id": ["This field is required."],
            "location": ["location must be one of us-west, us-east, eu-central, eu-west, ap-southeast"],
            "hostname": ["hostname must be a fully qualified domain name such as web01.example.com"],
        ])
    }

    @Test func uuidsAreReadInAnyCaseAndAnotherTenantsServerIsNotFound() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder()).json["uuid"]?.stringValue ?? ""
        #expect(sandbox.request(.GET, "/api/v1/servers/\(uuid.uppercased())/").status == 200)
        let stranger = sandbox.request(.GET, "/api/v1/servers/\(uuid)/", token: "someone-else")
        #expect(stranger.status == 404)
        #expect(stranger.json == ["detail": "Not found."])
    }

    @Test func theJournalHidesTheRootPassword() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder())
        let password = try #require(created.json["password"]?.stringValue)
        let journal = sandbox.request(.GET, "/_sandbox/requests").text
        #expect(journal.contains("\"password\":\"…\""))
        #expect(!journal.contains(password))
    }
}
