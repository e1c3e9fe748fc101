import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedIsolationTests {
    typealias Fixture = DedicatedFixture

    @Test func anotherTenantSeesNoneOfItAndCannotTouchIt() throws {
        let sandbox = try TestSandbox()
        let other = "other-\(sandbox.token)"
        let id = Fixture.deliveredServer(sandbox)
        let order = try #require(
            sandbox.request(
                .POST, "/api/v1/datacenter/dedicated/order/byod",
                json: ["parts": ["cpu": 38, "ram": 29], "template": "Debian Buster"]
            ).result.intValue)
        let ip = sandbox.request(.GET, Fixture.path(id, "config")).result["ips"]?.arrayValue?.first ?? "1.2.3.4"

        let calls: [(HTTPMethod, String, JSONValue?)] = [
            (.PUT, Fixture.path(id, "start"), nil), (.PUT, Fixture.path(id, "shutdown"), nil),
            (.PUT, Fixture.path(id, "reboot"), nil), (.PUT, Fixture.path(id, "reinstall"), ["template": "Debian Buster"]),
            (.GET, Fixture.path(id, "console"), nil), (.GET, Fixture.path(id, "status"), nil),
            (.GET, Fixture.path(id, "config"), nil), (.PUT, Fixture.path(id, "rdns"), ["ip": ip, "hostname": "a.example.com"]),
            (.GET, Fixture.path(id, "installation"), nil), (.POST, Fixture.path(id, "terminate"), nil),
            (.GET, "/api/v1/datacenter/dedicated/order/byod/status/\(order)", nil),
        ]
        for (method, path, body) in calls {
            let response = sandbox.request(method, path, token: .some(other), json: body)
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.json["error"]?.stringValue != nil, "\(method) \(path)")
        }
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated", token: .some(other)).result == [])
        #expect(Fixture.marketIds(sandbox, token: other).contains(Int64(id)))
        let parts = sandbox.request(.GET, "/api/v1/datacenter/dedicated/market/parts", token: .some(other)).result
        #expect(parts["cpu"]?.arrayValue?.first?["count"] == 1)

        // The owner's server is untouched by all of that.
        #expect(Fixture.serverList(sandbox) == [["id": .int(id), "orderComplete": true]])
        #expect(sandbox.request(.GET, Fixture.path(id, "status")).result["status"] == "online")
        #expect(sandbox.request(.GET, Fixture.path(id, "installation")).result["installation"] == false)
    }

    @Test func theSameOfferCanBeOrderedByTwoTenants() throws {
        let sandbox = try TestSandbox()
        let other = "other-\(sandbox.token)"
        #expect(Fixture.order(sandbox, offer: 9).status == 200)
        #expect(Fixture.order(sandbox, offer: 9, token: other).status == 200)
        sandbox.advance(seconds: 2 * 3_600, token: other)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated", token: .some(other)).result == [["id": 9, "orderComplete": true]])
        #expect(Fixture.serverList(sandbox) == [["id": 9, "orderComplete": false]])
    }

    @Test func requestsWithoutATokenAre401() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/datacenter/dedicated/market", token: .some(nil))
        #expect(response.status == 401)
        #expect(response.json == ["error": "Unauthenticated."])
    }
}
