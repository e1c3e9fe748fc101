import Foundation
import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct FaultTests {
    @Test func statusAndBodyReplaceTheAnswerOfMatchingRequestsOnly() throws {
        let sandbox = try TestSandbox()
        let rule = sandbox.request(.POST, "/_sandbox/faults", json: [
            "method": "GET", "path": "/api/v1/datacenter/templates", "status": 503, "body": ["error": "maintenance"],
        ])
        #expect(rule.status == 201)
        #expect(rule.json["scope"] == "tenant")
        let faulted = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(faulted.status == 503)
        #expect(faulted.json == ["error": "maintenance"])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/location").status == 200)
        #expect(sandbox.request(.POST, "/api/v1/datacenter/templates").status == 405)
        #expect(sandbox.request(.GET, "/_sandbox/faults").json["faults"]?.arrayValue?.first?["hits"] == 1)
    }

    @Test func aRuleWithoutBodyAnswersInTheAPIsOwnErrorFormat() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/*", "status": 500])
        let faulted = sandbox.request(.GET, "/api/v1/job/1")
        #expect(faulted.status == 500)
        #expect(faulted.json["error"]?.stringValue?.contains("Injected fault") == true)
    }

    @Test func timesCountsDown() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/templates", "status": 502, "times": 2])
        let statuses = (0..<3).map { _ in sandbox.request(.GET, "/api/v1/datacenter/templates").status }
        #expect(statuses == [502, 502, 200])
        #expect(sandbox.request(.GET, "/_sandbox/faults").json["faults"] == [])
    }

    @Test func probabilityIsReproducibleUnderTheSeed() throws {
        func run() throws -> [Int] {
            let sandbox = try TestSandbox(seed: 42)
            sandbox.request(.POST, "/_sandbox/faults", token: "fixed-token", json: ["path": "*", "status": 500, "probability": 0.5])
            return (0..<30).map { _ in sandbox.request(.GET, "/api/v1/datacenter/templates", token: "fixed-token").status }
        }
        let first = try run()
        #expect(try first == run())
        #expect(first.contains(500) && first.contains(200))
    }

    @Test func tooManyRequestsCarriesRetryAfter() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "*", "status": 429, "retryAfterSeconds": 30])
        let limited = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"] == "30")
    }

    @Test func methodPathAndApiSelectTheRequests() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["method": "POST", "path": "/api/v1/datacenter/*", "status": 500])
        sandbox.request(.POST, "/_sandbox/faults", json: ["api": "vpsorg", "status": 418])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server", json: smallVM).status == 500)
        #expect(sandbox.request(.GET, "/api/v1/servers/").status == 418)
        #expect(sandbox.request(.GET, "/api/v1/job/1").status == 404)
    }

    @Test func theFaultedRequestChangesNothing() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.GET, "/_sandbox/clock")
        let balance = sandbox.request(.GET, "/_sandbox/tenants").json["tenants"]?.arrayValue?.first?["balance"]
        sandbox.request(.POST, "/_sandbox/faults", json: ["method": "POST", "path": "/api/v1/datacenter/server", "status": 500, "times": 1])
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server", json: smallVM).status == 500)
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.request(.GET, "/_sandbox/jobs").json["jobs"] == [])
        #expect(balance == 10_000.0)
        #expect(sandbox.request(.GET, "/_sandbox/tenants").json["tenants"]?.arrayValue?.first?["balance"] == balance)
    }

    @Test func dropRulesAskTheServerToBreakTheConnection() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/templates", "drop": "reset", "times": 1])
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/location", "drop": "empty", "times": 1])
        #expect(sandbox.rawResponse(.GET, "/api/v1/datacenter/templates").connectionAction == .reset)
        #expect(sandbox.rawResponse(.GET, "/api/v1/datacenter/location").connectionAction == .closeWithoutResponse)
        #expect(sandbox.rawResponse(.GET, "/api/v1/datacenter/location").connectionAction == .normal)
    }

    @Test func droppedConnectionsAreSurvivedByTheNextRequestOnANewConnection() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/templates", "drop": "reset", "times": 1])
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/location", "drop": "empty", "times": 1])
        let reset = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(reset.status == 0, "the client sees a broken connection, not an answer")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
        let empty = sandbox.request(.GET, "/api/v1/datacenter/location")
        #expect(empty.status == 0)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/location").status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/health").status == 200)
    }

    @Test func delayHoldsTheAnswerWithoutFailingIt() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/templates", "delayMs": 300])
        let started = Date()
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.29)
    }

    @Test func rulesAreRemovedOneByOneOrAll() throws {
        let sandbox = try TestSandbox()
        let first = sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/job/*", "status": 500]).json["id"]
        sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/*", "status": 500])
        #expect(sandbox.request(.DELETE, "/_sandbox/faults/\(first?.intValue ?? 0)").status == 200)
        #expect(sandbox.request(.DELETE, "/_sandbox/faults/\(first?.intValue ?? 0)").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/job/1").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 500)
        #expect(sandbox.request(.DELETE, "/_sandbox/faults").json["removed"] == 1)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
    }

    @Test func globalRulesReachEveryTenant() throws {
        let sandbox = try TestSandbox()
        let global = sandbox.request(.POST, "/_sandbox/faults?all=true", json: ["path": "*", "status": 503])
        #expect(global.json["scope"] == "global")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates", token: "anyone").status == 503)
        #expect(sandbox.request(.GET, "/_sandbox/faults").json["faults"] == [])
        #expect(sandbox.request(.GET, "/_sandbox/faults?all=true").json["faults"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.DELETE, "/_sandbox/faults?all=true").json["removed"] == 1)
    }

    @Test func invalidRulesAreRefused() throws {
        let sandbox = try TestSandbox()
        let bad: [JSONValue] = [
            ["path": "*"], ["status": 99], ["status": 500, "drop": "reset"], ["drop": "sometimes"],
            ["status": 500, "probability": 2], ["status": 500, "probability": 0], ["status": 500, "times": 0],
            ["delayMs": 60_001], ["status": 500, "retryAfterSeconds": 5], ["status": 500, "api": "aws"],
            ["status": 500, "method": "FETCH"], ["status": 500, "path": "no-slash"], ["body": "x", "delayMs": 5],
        ]
        for rule in bad {
            #expect(sandbox.request(.POST, "/_sandbox/faults", json: rule).status == 400, "\(rule)")
        }
        #expect(sandbox.request(.POST, "/_sandbox/faults", token: .some(nil), json: ["status": 500]).status == 401)
        #expect(sandbox.request(.GET, "/_sandbox/faults").json["faults"] == [])
    }
}
