import Foundation
import SandboxTesting
import StructuredData
import Testing

/// Scenarios (docs/scenarios.md): the shipped examples, idempotence, refusals, start-up loading.
@Suite struct ScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    func load(_ sandbox: TestSandbox, _ body: [UInt8]) -> TestResponse {
        sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), body: body)
    }

    func load(_ sandbox: TestSandbox, json: JSONValue) -> TestResponse {
        sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: json)
    }

    /// What `scenarios/01-shop.json` declares, as the APIs show it.
    func expectShop(_ sandbox: TestSandbox) {
        let shop = "shop"
        #expect(sandbox.serverIDs(token: shop) == [4001, 4002, 4003])
        let web = sandbox.request(.GET, "/api/v1/datacenter/server/4001/config", token: shop).json["result"]
        #expect(web?["ips"] == ["185.244.10.11", "2a0e:97c0:3e1::11"])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/status", token: shop).json["result"]?["state"] == "running")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4002/status", token: shop).json["result"]?["state"] == "stopped")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/backups/list", token: shop).json["result"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/scheduled", token: shop).json["result"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/software", token: shop).json["result"]?.arrayValue?.first?["status"] == "installed")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated", token: shop).json["result"] == [["id": 9, "orderComplete": true]])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated/order/byod/status/100", token: shop).status == 200)
        let edge = sandbox.request(.GET, "/api/v1/servers/?status=active", token: shop).json
        #expect(edge["results"]?.arrayValue?.first?["name"] == "shop-edge")
        #expect(edge["results"]?.arrayValue?.first?["ip_address"] != .null)
        let tenant = sandbox.request(.GET, "/_sandbox/tenants", token: shop).json["tenants"]?.arrayValue?.first
        #expect(tenant?["balance"] == 250.5)
        #expect(tenant?["permissions"] == ["outgoingMail"])
        #expect(tenant?["clock"]?["now"] == "2026-01-01T00:00:00Z")
    }

    @Test func theShippedExamplesLoadAndTheAPIsShowTheirObjects() throws {
        let sandbox = try TestSandbox()
        let shop = load(sandbox, try Self.example("01-shop.json"))
        #expect(shop.status == 200, "\(shop.text)")
        #expect(shop.json["tenants"]?.arrayValue?.first?["created"]?.arrayValue?.count == 6)
        expectShop(sandbox)
        let agency = load(sandbox, try Self.example("02-agency.json"))
        #expect(agency.status == 200, "\(agency.text)")
        let servers = sandbox.request(.GET, "/api/v1/servers/", token: "agency").json["results"]?.arrayValue ?? []
        #expect(servers.map { $0["status"] } == ["stopped", "provisioning"])
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "agency").json["mode"] == "realtime")

        // The installing VM's job runs on the tenant's clock.
        let install = sandbox.request(.GET, "/_sandbox/jobs?active=true", token: "shop").json["jobs"]?.arrayValue ?? []
        #expect(install.contains { $0["resourceId"] == 4003 && $0["kind"] == "reseller.vm.install" })
        sandbox.advance(seconds: 130, token: "shop")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4003/status", token: "shop").json["result"]?["state"] == "running")
    }

    @Test func loadingTwiceDuplicatesNothing() throws {
        let sandbox = try TestSandbox()
        #expect(load(sandbox, try Self.example("01-shop.json")).status == 200)
        let again = load(sandbox, try Self.example("01-shop.json"))
        #expect(again.status == 200)
        let report = again.json["tenants"]?.arrayValue?.first
        #expect(report?["tenant"] == "existing")
        #expect(report?["created"] == [])
        #expect(report?["kept"]?.arrayValue?.count == 6)
        expectShop(sandbox)
        #expect(sandbox.request(.GET, "/api/v1/servers/", token: "shop").json["count"] == 1)
    }

    @Test func aRefusalNamesThePathAndTheRuleAndAppliesNothing() throws {
        let sandbox = try TestSandbox()
        let document: JSONValue = [
            "version": 1,
            "tenants": [
                ["token": "first", "vms": [["hostname": "ok.example", "template": "Debian11"]]],
                ["token": "second", "vms": [
                    ["hostname": "a.example", "template": "Debian11"],
                    ["hostname": "b.example", "template": "Debian11"],
                    ["hostname": "c.example", "template": "Windows95"],
                ]],
            ],
        ]
        let refused = load(sandbox, json: document)
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "tenants[1].vms[2].template")
        #expect(refused.json["error"]?.stringValue?.contains("template must be one of") == true)
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"] == [])

        let misspelt = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "vms": [["hostname": "x.example", "templat": "Debian11"]]]]])
        #expect(misspelt.json["field"] == "tenants[0].vms[0].templat")
        let future = load(sandbox, json: ["version": 2, "tenants": []])
        #expect(future.json["field"] == "version")
        let twice = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "vpsorgServers": [
            ["name": "n", "plan_id": 1, "os_id": 5, "location": "us-west"], ["name": "n", "plan_id": 1, "os_id": 5, "location": "us-west"],
        ]]]])
        #expect(twice.json["field"] == "tenants[0].vpsorgServers[1].name")
        let badPlan = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "vpsorgServers": [["name": "n", "plan_id": 99, "os_id": 5, "location": "us-west"]]]]])
        #expect(badPlan.json["field"] == "tenants[0].vpsorgServers[0].plan_id")
        let badIP = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "vms": [["hostname": "x.example", "template": "Debian11", "ips": ["10.0.0.300"]]]]]])
        #expect(badIP.json["field"] == "tenants[0].vms[0].ips[0]")
        // The root password follows password/reset's documented rule (at least 6 characters).
        let shortPassword = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "vms": [["hostname": "x.example", "template": "Debian11", "password": "abc"]]]]])
        #expect(shortPassword.json["field"] == "tenants[0].vms[0].password")
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"] == [])
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"] == [])
    }

    /// Dedicated servers and BYOD orders are read through the order routes' own declarations:
    /// every refused field is named, under the scenario's path and names, with the API's rule.
    @Test func aDedicatedOrderIsRefusedByTheOrderRoutesOwnRules() throws {
        let sandbox = try TestSandbox()
        let order: JSONValue = ["parts": ["cpu": 38, "ram": 29], "template": "Windows95", "hostname": "build.example", "ipCount": 9]
        let byod = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "byodOrders": [order]]]])
        #expect(byod.status == 400)
        #expect(byod.json["field"] == "tenants[0].byodOrders[0].template")
        let template = "template must be one of GET /datacenter/dedicated/templates; \"Windows95\" is not"
        let ipCount = "ipCount must be an integer between 1 and 8"
        #expect(
            byod.json["error"]
                == .string("tenants[0].byodOrders[0].template: \(template); tenants[0].byodOrders[0].ipCount: \(ipCount)"))

        // The route's `id` is the scenario's `offer`.
        let server = load(sandbox, json: ["version": 1, "tenants": [["token": "t", "dedicatedServers": [
            ["offer": 99, "template": "Debian Buster", "hostname": "storage.example"],
        ]]]])
        #expect(server.json["field"] == "tenants[0].dedicatedServers[0].offer")
        let offer = "id must be the id of an offer on GET /datacenter/dedicated/market; 99 is not"
        #expect(server.json["error"] == .string("tenants[0].dedicatedServers[0].offer: \(offer)"))
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"] == [])

        // The API refuses the same order with the same rules.
        let api = sandbox.request(.POST, "/api/v1/datacenter/dedicated/order/byod", token: "t", json: order)
        #expect(api.status == 400)
        #expect(api.json["error"] == .string("\(template); \(ipCount)"))
    }

    @Test func aNewTenantsClockIsSetAnExistingOneOnlyMovesForward() throws {
        let sandbox = try TestSandbox()
        let earlier: JSONValue = ["version": 1, "tenants": [["token": "past", "clock": ["mode": "manual", "now": "2025-06-01T00:00:00Z"]]]]
        #expect(load(sandbox, json: earlier).status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "past").json["now"] == "2025-06-01T00:00:00Z")
        sandbox.advance(seconds: 3600, token: "past")
        #expect(load(sandbox, json: earlier).status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "past").json["now"] == "2025-06-01T01:00:00Z")

        // Moving an existing tenant forward applies what falls due on the way.
        #expect(load(sandbox, try Self.example("01-shop.json")).status == 200)
        let later: JSONValue = ["version": 1, "tenants": [["token": "shop", "clock": ["now": "2026-01-01T00:10:00Z"]]]]
        #expect(load(sandbox, json: later).status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4003/status", token: "shop").json["result"]?["state"] == "running")
    }

    @Test func aFolderIsLoadedAtStartInNameOrder() throws {
        let sandbox = try TestSandbox { $0.scenarioPath = Self.folder.path }
        expectShop(sandbox)
        #expect(sandbox.application.scenarioLog.count == 2)
        #expect(sandbox.application.scenarioLog.first?.hasSuffix("01-shop.json: tenant shop (created): 6 created, 0 kept") == true)
        #expect(sandbox.serverIDs(token: "agency") == [4004])
    }

    @Test func aBadScenarioFileStopsTheStartWithTheFileAndThePath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"version": 1, "tenants": [{"token": "t", "vms": [{"hostname": "x.example", "template": "Nope"}]}]}"#.utf8)
            .write(to: file)
        let process = try SandboxProcess(arguments: ["--db", ":memory:", "--port", "0"], environment: ["SANDBOX_SCENARIO": file.path])
        try process.process.run()
        #expect(process.waitForExit() == 1)
        let message = process.standardError()
        #expect(message.contains(file.path))
        #expect(message.contains("tenants[0].vms[0].template"))
    }
}
