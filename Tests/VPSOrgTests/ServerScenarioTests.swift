import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerScenarioTests {
    @Test func anotherTenantSeesNothingAndTouchesNothing() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        let other = "other-tenant"
        #expect(sandbox.request(.GET, "/api/v1/servers/", token: .some(other)).json["count"] == 0)
        let attempts: [(String, TestResponse)] = [
            ("detail", sandbox.server(id, token: other)),
            ("put", sandbox.request(.PUT, "/api/v1/servers/\(id)/", token: .some(other), json: [
                "name": "stolen", "hostname": "stolen.example.com", "backups_enabled": true,
            ])),
            ("patch", sandbox.request(.PATCH, "/api/v1/servers/\(id)/", token: .some(other), json: ["name": "stolen"])),
            ("start", sandbox.request(.POST, "/api/v1/servers/\(id)/start/", token: .some(other))),
            ("stop", sandbox.request(.POST, "/api/v1/servers/\(id)/stop/", token: .some(other))),
            ("reboot", sandbox.request(.POST, "/api/v1/servers/\(id)/reboot/", token: .some(other))),
            ("delete", sandbox.request(.DELETE, "/api/v1/servers/\(id)/", token: .some(other))),
        ]
        for (name, response) in attempts {
            #expect(response.status == 404, "\(name)")
            #expect(response.json == ["detail": "Not found."], "\(name)")
        }
        let mine = sandbox.server(id).json
        #expect(mine["name"] == "web-server-02")
        #expect(mine["status"] == "active")
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 1)
    }

    @Test func theResellerAPIIsUndisturbed() throws {
        let sandbox = try TestSandbox()
        sandbox.orderServer()
        let templates = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(templates.status == 200)
        #expect(templates.result.arrayValue?.isEmpty == false)
        let unauthenticated = sandbox.request(.GET, "/api/v1/datacenter/templates", token: .some(nil))
        #expect(unauthenticated.json == ["error": "Unauthenticated."])
        #expect(sandbox.request(.GET, "/api/v1/serversx").json["detail"] == nil)
    }

    @Test func fromOrderThroughPowerActionsAndUpdateToDeletion() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        #expect(sandbox.server(id).json["status"] == "provisioning")
        sandbox.advance(seconds: 300)
        let active = sandbox.server(id).json
        #expect(active["status"] == "active")
        let address = active["ip_address"]

        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/stop").json["server"]?["status"] == "stopping")
        sandbox.advance(seconds: 30)
        #expect(sandbox.server(id).json["status"] == "stopped")

        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/start").json["server"]?["status"] == "starting")
        sandbox.advance(seconds: 30)
        #expect(sandbox.server(id).json["status"] == "active")

        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/reboot").json["server"]?["status"] == "rebooting")
        sandbox.advance(seconds: 30)
        #expect(sandbox.server(id).json["status"] == "active")

        let updated = sandbox.request(.PATCH, "/api/v1/servers/\(id)", json: ["hostname": "renamed.example.org"])
        #expect(updated.json["hostname"] == "renamed.example.org")
        #expect(updated.json["ip_address"] == address)

        let listed = sandbox.request(.GET, "/api/v1/servers?status=active").json
        #expect(listed["results"]?.arrayValue?.first?["hostname"] == "renamed.example.org")

        #expect(sandbox.request(.DELETE, "/api/v1/servers/\(id)").status == 204)
        #expect(sandbox.server(id).status == 404)
        #expect(sandbox.request(.GET, "/api/v1/servers").json["count"] == 0)
    }
}
