import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerCreateTests {
    @Test func theDocumentsExampleCreatesAProvisioningServer() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: TestSandbox.exampleOrder)
        #expect(response.status == 201)
        let body = try #require(response.json.objectValue)
        #expect(body.keys == [
            "id", "name", "hostname", "status", "ip_address", "location", "plan", "os", "backups_enabled",
            "created_at", "updated_at", "message",
            "uuid", "ipv4_addresses", "ipv6_addresses", "location_name", "plan_name", "os_name", "deployed", "username",
            "password",
        ])
        #expect(body["ipv4_addresses"] == [])
        #expect(body["deployed"] == false)
        #expect(body["password"]?.stringValue?.count == 16)
        #expect(body["id"] == 12345)
        #expect(body["name"] == "web-server-02")
        #expect(body["hostname"] == "web02.example.com")
        #expect(body["status"] == "provisioning")
        #expect(body["ip_address"] == .null)
        #expect(body["plan"] == ["id": 1, "name": "Standard VPS", "vcpus": 2, "memory": 4096, "storage": 80])
        #expect(body["os"] == ["id": 5, "name": "Ubuntu 22.04 LTS"])
        #expect(body["backups_enabled"] == true)
        #expect(body["created_at"] == "2026-01-01T00:00:00Z")
        #expect(body["updated_at"] == "2026-01-01T00:00:00Z")
        #expect(body["message"] == "Server is being provisioned. This may take 2-5 minutes.")
        #expect(sandbox.orderServer() == 12346)
    }

    @Test func provisioningEndsWithinTwoToFiveMinutesWithAddresses() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        sandbox.advance(seconds: 119)
        #expect(sandbox.server(id).json["status"] == "provisioning")
        #expect(sandbox.server(id).json["ip_address"] == .null)
        sandbox.advance(seconds: 181)
        let detail = sandbox.server(id).json
        #expect(detail["status"] == "active")
        let ipv4 = try #require(detail["ip_address"]?.stringValue)
        #expect(ipv4.split(separator: ".").count == 4)
        #expect(detail["ipv6_address"]?.stringValue?.contains(":") == true)
        #expect(detail["updated_at"] != detail["created_at"])
    }

    @Test func provisioningIsDeterministicUnderTheSeed() throws {
        func run() throws -> JSONValue {
            let sandbox = try TestSandbox()
            let id = sandbox.orderServer(token: "same-token")
            sandbox.advance(seconds: 300, token: "same-token")
            return sandbox.server(id, token: "same-token").json
        }
        let first = try run()
        let second = try run()
        #expect(first["ip_address"] == second["ip_address"])
        #expect(first["ipv6_address"] == second["ipv6_address"])
        #expect(first["updated_at"] == second["updated_at"])
    }

    @Test func optionalFieldsDefaultAndFormBodiesWork() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/servers", form: "name=db-1&plan_id=2&os_id=3&location=us-east&ssh_key_id=7")
        #expect(response.status == 201)
        #expect(response.json["backups_enabled"] == false)
        #expect(response.json["hostname"] == "db-1")
        #expect(response.json["plan"]?["name"] == "Performance VPS")
    }

    @Test func everyMissingFieldIsReportedAtOnce() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: [:])
        #expect(response.status == 400)
        #expect(response.json == [
            "name": ["This field is required."], "plan_id": ["This field is required."],
            "os_id": ["This field is required."], "location": ["This field is required."],
        ])
    }

    @Test func everyInvalidFieldIsReportedAtOnce() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: [
            "name": "web server!", "plan_id": 99, "os_id": "five", "location": "mars",
            "hostname": "not a host", "ssh_key_id": "x", "backups_enabled": "maybe",
        ])
        #expect(response.status == 400)
        let body = try #require(response.json.objectValue)
        #expect(body.keys == ["name", "plan_id", "os_id", "location", "hostname", "ssh_key_id", "backups_enabled"])
        #expect(body["plan_id"]?.firstMessage?.contains("plan_id must be one of") == true)
        #expect(body["os_id"] == ["A valid integer is required."])
        #expect(body["location"]?.firstMessage?.contains("us-west") == true)
        #expect(body["backups_enabled"] == ["Must be a valid boolean."])
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)
    }

    /// DRF trims first: only whitespace is blank, and an optional blank field is left out.
    @Test func whitespaceIsBlankAfterTrimming() throws {
        let sandbox = try TestSandbox()
        var order = TestSandbox.exampleOrder.objectValue!
        order["name"] = "   "
        order["hostname"] = "  "
        let refused = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(refused.status == 400)
        #expect(refused.json == ["name": ["This field may not be blank."]])
        order["name"] = "  web-3  "
        let created = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(created.status == 201)
        #expect(created.json["name"] == "web-3")
        #expect(created.json["hostname"] == "web-3")
    }

    @Test func aBlankNameAndAHostnameWithoutDomainAreRefused() throws {
        let sandbox = try TestSandbox()
        var order = TestSandbox.exampleOrder.objectValue!
        order["name"] = ""
        order["hostname"] = "localhost"
        let response = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(response.status == 400)
        #expect(response.json["name"] == ["This field may not be blank."])
        #expect(response.json["hostname"]?.firstMessage?.hasPrefix("hostname must be") == true)
    }

    @Test func malformedJSONIsADetail400() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/servers/", body: Array("{\"name\":".utf8), headers: [("Content-Type", "application/json")])
        #expect(response.status == 400)
        #expect(response.json["detail"]?.stringValue?.hasPrefix("JSON parse error") == true)
    }

    @Test func aPlanOverTheBalanceIs402AndChangesNothing() throws {
        let sandbox = try TestSandbox()
        var order = TestSandbox.exampleOrder.objectValue!
        order["plan_id"] = 4
        let tooExpensive = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(tooExpensive.status == 402)
        #expect(tooExpensive.json == ["detail": "Insufficient balance."])
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)

        let poor = sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "poor-vps", "balance": 1])
        #expect(poor.status == 200)
        let response = sandbox.request(.POST, "/api/v1/servers/", token: "poor-vps", json: TestSandbox.exampleOrder)
        #expect(response.status == 402)
        #expect(response.json == ["detail": "Insufficient balance."])
    }

    @Test func createChargesOneMonth() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "twenty", "balance": 20])
        sandbox.orderServer(token: "twenty")
        let tenant = sandbox.request(.GET, "/_sandbox/tenants", token: "twenty").json["tenants"]?.arrayValue?.first
        #expect(tenant?["balance"] == 8.0)
        #expect(sandbox.request(.POST, "/api/v1/servers/", token: "twenty", json: TestSandbox.exampleOrder).status == 402)
    }

    @Test func withoutTokenIs401() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", token: .some(nil), json: TestSandbox.exampleOrder)
        #expect(response.status == 401)
        #expect(response.json == ["detail": "Authentication credentials were not provided."])
    }
}
