import SandboxCore
import SandboxTesting
import StructuredData
import Testing

@Suite struct ControlRouteTests {
    @Test func healthAnswersWithVersion() throws {
        let sandbox = try TestSandbox()
        let health = sandbox.request(.GET, "/_sandbox/health", token: .some(nil))
        #expect(health.status == 200)
        #expect(health.json["status"] == "ok")
        #expect(health.json["version"]?.stringValue != nil)
    }

    @Test func resetForgetsTheTenantOnlyOrEverything() throws {
        let sandbox = try TestSandbox()
        _ = sandbox.createVM()
        _ = sandbox.createVM(token: "other")
        #expect(sandbox.request(.POST, "/_sandbox/reset").json["reset"] == "tenant")
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.serverIDs(token: "other").count == 1)
        #expect(sandbox.request(.POST, "/_sandbox/reset?all=true").json["reset"] == "all")
        #expect(sandbox.serverIDs(token: "other").isEmpty)
        #expect(sandbox.request(.POST, "/_sandbox/reset", token: .some(nil)).status == 401)
    }

    @Test func clockReadsSetsAndRefusesBadValues() throws {
        let sandbox = try TestSandbox()
        let set = sandbox.request(.PUT, "/_sandbox/clock", json: ["now": "2026-02-01T10:00:00Z", "scale": 60])
        #expect(set.status == 200)
        #expect(set.json["now"] == "2026-02-01T10:00:00Z")
        #expect(set.json["scale"] == 60.0)
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["mode": "sometimes"]).status == 400)
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["scale": 0]).status == 400)
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["now": "2020-01-01T00:00:00Z"]).status == 400)
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: [:]).status == 400)
        let refused = sandbox.request(.POST, "/_sandbox/clock/advance", json: ["seconds": -5])
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "seconds")
        #expect(sandbox.request(.GET, "/_sandbox/clock").json["now"] == "2026-02-01T10:00:00Z")
    }

    @Test func tenantsAreCreatedListedAndValidated() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "rich", "balance": 5, "permissions": ["outgoingMail"]])
        #expect(created.status == 200)
        #expect(created.json["balance"] == 5.0)
        #expect(created.json["permissions"] == ["outgoingMail"])
        let listed = sandbox.request(.GET, "/_sandbox/tenants", token: "rich").json["tenants"]?.arrayValue
        #expect(listed?.count == 1)
        #expect(sandbox.request(.POST, "/_sandbox/tenants", json: ["balance": 5]).status == 400)
        #expect(sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "x", "balance": -1]).status == 400)
        #expect(sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "x", "permissions": "all"]).status == 400)
    }

    @Test func unknownControlRouteAndWrongMethodAnswerJSON() throws {
        let sandbox = try TestSandbox()
        let missing = sandbox.request(.GET, "/_sandbox/nothing")
        #expect(missing.status == 404)
        #expect(missing.json["error"]?.stringValue != nil)
        #expect(sandbox.request(.PATCH, "/_sandbox/health").status == 405)
    }

    @Test func adminTokenIsRequiredWhenConfigured() throws {
        let sandbox = try TestSandbox { $0.adminToken = "s3cret" }
        let missing = sandbox.request(.GET, "/_sandbox/clock")
        #expect(missing.status == 401)
        #expect(missing.json["error"]?.stringValue?.contains("X-Sandbox-Admin-Token") == true)
        #expect(sandbox.request(.GET, "/_sandbox/clock", headers: [("X-Sandbox-Admin-Token", "wrong")]).status == 403)
        #expect(sandbox.request(.GET, "/_sandbox/clock", headers: [("X-Sandbox-Admin-Token", "s3cret")]).status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/health").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
    }

    @Test func nonLoopbackWithoutAdminTokenClosesTheControlPlane() throws {
        let sandbox = try TestSandbox { $0.host = "0.0.0.0" }
        let refused = sandbox.request(.GET, "/_sandbox/clock")
        #expect(refused.status == 403)
        #expect(refused.json["error"]?.stringValue?.contains("--admin-token") == true)
        #expect(sandbox.request(.GET, "/_sandbox/health").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
    }

    @Test func dashboardShowsTenantsEventsAndRequests() throws {
        let sandbox = try TestSandbox()
        _ = sandbox.createVM()
        // The page is a shell; what it shows comes from the overview, events and journal.
        let page = sandbox.request(.GET, "/_sandbox/")
        #expect(page.status == 200 && page.headers["Content-Type"]?.hasPrefix("text/html") == true)
        for route in ["/_sandbox/overview?all=true", "/_sandbox/events?all=true", "/_sandbox/requests?all=true"] {
            #expect(page.text.contains(route.prefix { $0 != "?" }))
        }
        let label = TenantLabel.of(sandbox.token)
        #expect(sandbox.request(.GET, "/_sandbox/overview?all=true").json["tenants"]?.arrayValue?.first?["label"] == .string(label))
        #expect(sandbox.request(.GET, "/_sandbox/events?all=true").json["events"]?.arrayValue?.first?["resourceType"] == "virtual_server")
        let newest = sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"]?.arrayValue?.first
        #expect(newest?["path"] == "/api/v1/datacenter/server" && newest?["tenant"] == .string(label))
        #expect(!page.text.contains(sandbox.token))
    }

    @Test func preflightWithoutOriginNeedsNoAdminToken() throws {
        let sandbox = try TestSandbox { $0.adminToken = "s3cret" }
        #expect(sandbox.request(.OPTIONS, "/_sandbox/clock").status == 204)
    }
}
