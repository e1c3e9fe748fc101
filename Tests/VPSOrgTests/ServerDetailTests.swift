import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerDetailTests {
    @Test func detailHasTheDocumentedShapeAndPlausibleUsage() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        sandbox.advance(seconds: 3600 * 24)
        let response = sandbox.server(id)
        #expect(response.status == 200)
        let body = try #require(response.json.objectValue)
        #expect(body.keys == [
            "id", "name", "hostname", "status", "ip_address", "ipv6_address", "location", "plan", "os",
            "backups_enabled", "resource_usage", "created_at", "updated_at",
            "uuid", "ipv4_addresses", "ipv6_addresses", "location_name", "plan_name", "os_name", "deployed", "username",
            "ssh_keys", "actions",
        ])
        #expect(body["ssh_keys"] == [])
        #expect(body["actions"] == [])
        #expect(body["plan"] == [
            "id": 1, "name": "Standard VPS", "vcpus": 2, "memory": 4096, "storage": 80, "bandwidth": 2048,
            "ram": 4, "ram_unit": "GB", "cpu": 2, "disk_space": 80,
        ])
        #expect(body["ipv4_addresses"] == .array([body["ip_address"] ?? .null]))
        #expect(body["ipv6_addresses"] == .array([body["ipv6_address"] ?? .null]))
        #expect(body["location_name"] == "Los Angeles, US")
        #expect(body["plan_name"] == "Standard VPS")
        #expect(body["os_name"] == "Ubuntu 22.04 LTS")
        #expect(body["deployed"] == true)
        #expect(body["username"] == "root")
        #expect(body["password"] == nil)
        let usage = try #require(body["resource_usage"]?.objectValue)
        #expect(usage.keys == ["cpu_percent", "memory_used", "disk_used", "bandwidth_used"])
        let cpu = try #require(usage["cpu_percent"]?.doubleValue)
        #expect(cpu > 0 && cpu <= 100)
        let memory = try #require(usage["memory_used"]?.intValue)
        #expect(memory > 0 && memory <= 4096)
        let disk = try #require(usage["disk_used"]?.intValue)
        #expect(disk > 0 && disk <= 80)
        #expect((usage["bandwidth_used"]?.intValue ?? 0) > 0)
        #expect(sandbox.request(.GET, "/api/v1/servers/\(id)").json == response.json)
    }

    @Test func bandwidthGrowsWhileRunningAndStopsWhileStopped() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        func usage() -> JSONValue { sandbox.server(id).json["resource_usage"] ?? .null }
        sandbox.advance(seconds: 3600 * 48)
        let running = usage()["bandwidth_used"]?.intValue ?? 0
        sandbox.advance(seconds: 3600 * 48)
        let later = usage()["bandwidth_used"]?.intValue ?? 0
        #expect(later > running)
        sandbox.request(.POST, "/api/v1/servers/\(id)/stop/")
        sandbox.advance(seconds: 60)
        let stopped = usage()
        #expect(stopped["cpu_percent"] == 0.0)
        #expect(stopped["memory_used"] == 0)
        #expect((stopped["disk_used"]?.intValue ?? 0) > 0)
        sandbox.advance(seconds: 3600 * 48)
        #expect(usage()["bandwidth_used"] == stopped["bandwidth_used"])
    }

    @Test func aProvisioningServerUsesNothing() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let body = sandbox.server(id).json
        #expect(body["resource_usage"] == ["cpu_percent": 0.0, "memory_used": 0, "disk_used": 0, "bandwidth_used": 0])
        #expect(body["ipv6_address"] == .null)
    }

    @Test func unknownServerIs404() throws {
        let sandbox = try TestSandbox()
        for method in [HTTPMethod.GET, .PUT, .PATCH, .DELETE] {
            let response = sandbox.request(method, "/api/v1/servers/99999/", json: [
                "name": "a", "hostname": "a.example.com", "backups_enabled": false,
            ])
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Not found."])
        }
        #expect(sandbox.request(.GET, "/api/v1/servers/not-a-number/").json == ["detail": "Not found."])
    }

    @Test func putReplacesAllThreeFieldsAndBumpsUpdatedAt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        sandbox.advance(seconds: 600)
        let response = sandbox.request(.PUT, "/api/v1/servers/\(id)/", json: [
            "name": "web-server-updated", "hostname": "web-updated.example.com", "backups_enabled": false,
        ])
        #expect(response.status == 200)
        #expect(response.json["name"] == "web-server-updated")
        #expect(response.json["hostname"] == "web-updated.example.com")
        #expect(response.json["backups_enabled"] == false)
        #expect(response.json["resource_usage"] != nil)
        #expect(response.json["updated_at"] == "2026-01-01T00:15:00Z")
        #expect(response.json["created_at"] == "2026-01-01T00:00:00Z")
        #expect(sandbox.server(id).json["name"] == "web-server-updated")
    }

    @Test func putListsEveryMissingField() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let response = sandbox.request(.PUT, "/api/v1/servers/\(id)", json: ["name": "only-name"])
        #expect(response.status == 400)
        #expect(response.json == ["hostname": ["This field is required."], "backups_enabled": ["This field is required."]])
        #expect(sandbox.server(id).json["name"] == "web-server-02")
    }

    @Test func patchChangesOnlyTheGivenFields() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        sandbox.advance(seconds: 30)
        let response = sandbox.request(.PATCH, "/api/v1/servers/\(id)/", json: ["name": "new-server-name"])
        #expect(response.status == 200)
        #expect(response.json["name"] == "new-server-name")
        #expect(response.json["hostname"] == "web02.example.com")
        #expect(response.json["backups_enabled"] == true)
        #expect(response.json["updated_at"] == "2026-01-01T00:00:30Z")
        let form = sandbox.request(.PATCH, "/api/v1/servers/\(id)/", form: "backups_enabled=0")
        #expect(form.json["backups_enabled"] == false)
    }

    @Test func patchValidatesWhatItIsGiven() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let response = sandbox.request(.PATCH, "/api/v1/servers/\(id)/", json: [
            "name": "", "hostname": "bad_host", "backups_enabled": nil,
        ])
        #expect(response.status == 400)
        #expect(response.json["name"] == ["This field may not be blank."])
        #expect(response.json["hostname"]?.firstMessage?.hasPrefix("hostname must be") == true)
        #expect(response.json["backups_enabled"] == ["This field may not be null."])
    }

    @Test func deleteAnswers204AndTheServerIsGone() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        let response = sandbox.request(.DELETE, "/api/v1/servers/\(id)/")
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
        #expect(sandbox.server(id).status == 404)
        #expect(sandbox.request(.DELETE, "/api/v1/servers/\(id)").status == 404)
        sandbox.advance(seconds: 600)
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)
    }

    @Test func wrongMethodIs405InDRFShape() throws {
        let sandbox = try TestSandbox()
        let list = sandbox.request(.DELETE, "/api/v1/servers/")
        #expect(list.status == 405)
        #expect(list.json == ["detail": "Method \"DELETE\" not allowed."])
        let action = sandbox.request(.GET, "/api/v1/servers/12345/start/")
        #expect(action.status == 405)
        #expect(action.json == ["detail": "Method \"GET\" not allowed."])
        #expect(sandbox.request(.POST, "/api/v1/servers/12345").json == ["detail": "Method \"POST\" not allowed."])
    }
}
