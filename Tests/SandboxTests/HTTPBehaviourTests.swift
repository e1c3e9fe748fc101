import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// What every response carries, through the real application and socket server.
@Suite struct HTTPBehaviourTests {
    @Test func jsonResponsesCarryTypeLengthDateAndCORS() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Content-Length"] == String(response.body.count))
        #expect(response.headers["Date"] != nil)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func preflightIsAnswered() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .OPTIONS, "/api/v1/datacenter/server", token: .some(nil),
            headers: [("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "POST"),
                      ("Access-Control-Request-Headers", "authorization, content-type")])
        #expect(response.status == 204)
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
        #expect(response.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
        #expect(response.headers["Access-Control-Allow-Headers"] == "authorization, content-type")
    }

    @Test func headAnswersTheGetLengthWithoutABody() throws {
        let sandbox = try TestSandbox()
        let get = sandbox.request(.GET, "/api/v1/datacenter/templates")
        let head = sandbox.request(.HEAD, "/api/v1/datacenter/templates")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(get.body.count))
    }

    @Test func oversizedBodyIs413() throws {
        let sandbox = try TestSandbox { $0.maxBodyBytes = 1024 }
        let response = sandbox.request(.POST, "/_sandbox/tenants", body: [UInt8](repeating: 65, count: 4096))
        #expect(response.status == 413)
    }

    @Test func malformedJSONIs400NamingTheBody() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/_sandbox/clock/advance", body: Array(#"{"seconds": "#.utf8), headers: [("Content-Type", "application/json")])
        #expect(response.status == 400)
        #expect(response.json["field"] == "body")
    }

    @Test func strictTokensRefuseStrangersAndAcceptListedTokens() throws {
        let sandbox = try TestSandbox(strictTokens: true)
        let stranger = sandbox.request(.GET, "/api/v1/datacenter/templates", token: "stranger")
        #expect(stranger.status == 401)
        #expect(stranger.json == ["error": "Unauthenticated."])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates", token: "sandbox-demo-token").status == 200)
    }

    @Test func aRefusedFirstRequestDoesNotLendItsTenantToTheNextToken() throws {
        let sandbox = try TestSandbox()
        // alpha's tenant row is created, then rolled back with the 404.
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/status", token: "alpha").status == 404)
        let created = sandbox.request(.POST, "/api/v1/datacenter/server", token: "beta", json: [
            "template": "Debian10.0", "cpuCores": 1, "mem": 1024, "disk": "25G", "ipCount": 1,
        ])
        #expect(created.status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server", token: "alpha").result == [])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server", token: "beta").result.arrayValue?.count == 1)
    }

    @Test func eachTenantHasItsOwnClock() throws {
        let sandbox = try TestSandbox()
        sandbox.advance(seconds: 86_400, token: "early-bird")
        let moved = sandbox.request(.GET, "/_sandbox/clock", token: "early-bird")
        let still = sandbox.request(.GET, "/_sandbox/clock", token: "late-riser")
        #expect(moved.json["now"] == "2026-01-02T00:00:00Z")
        #expect(still.json["now"] == "2026-01-01T00:00:00Z")
    }

    @Test func clockCanSwitchModeScaleAndTime() throws {
        let sandbox = try TestSandbox()
        let scaled = sandbox.request(.PUT, "/_sandbox/clock", json: ["mode": "realtime", "scale": 60])
        #expect(scaled.json["mode"] == "realtime")
        #expect(scaled.json["scale"] == .double(60))
        let set = sandbox.request(.PUT, "/_sandbox/clock", json: ["mode": "manual", "now": "2030-05-01T12:00:00Z"])
        #expect(set.json["now"] == "2030-05-01T12:00:00Z")
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["now": "2020-01-01T00:00:00Z"]).status == 400)
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["mode": "sundial"]).status == 400)
        #expect(sandbox.request(.POST, "/_sandbox/clock/advance", json: ["seconds": -5]).status == 400)
        #expect(sandbox.request(.POST, "/_sandbox/clock/advance", form: "seconds=60").json["now"] == "2030-05-01T12:01:00Z")
    }

    @Test func resetForgetsOnlyThatTenant() throws {
        let sandbox = try TestSandbox()
        sandbox.advance(seconds: 3_600, token: "first")
        sandbox.advance(seconds: 3_600, token: "second")
        #expect(sandbox.request(.POST, "/_sandbox/reset", token: "first").status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "first").json["now"] == "2026-01-01T00:00:00Z")
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "second").json["now"] == "2026-01-01T01:00:00Z")
        #expect(sandbox.request(.POST, "/_sandbox/reset", token: .some(nil)).status == 401)
    }

    @Test func healthAnswersWithoutAToken() throws {
        let sandbox = try TestSandbox()
        let health = sandbox.request(.GET, "/_sandbox/health", token: .some(nil))
        #expect(health.json["status"] == "ok")
        #expect(health.json["version"]?.stringValue != nil)
        #expect(health.json["uptimeSeconds"]?.intValue != nil)
    }
}
