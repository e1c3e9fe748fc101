import Foundation
import Sandbox
import SandboxTesting
import StructuredData
import Testing

/// The control plane refuses what web pages elsewhere could make a browser send; the
/// emulated APIs stay open to any origin.
@Suite struct ControlPlaneGateTests {
    static let evil = "http://evil.example"

    /// A tenant with one request in the journal, so a wipe would show.
    func sandboxWithState(_ configure: (inout SandboxOptions) -> Void = { _ in }) throws -> TestSandbox {
        let sandbox = try TestSandbox(configure: configure)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
        return sandbox
    }

    func journalCount(_ sandbox: TestSandbox) -> Int {
        sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"]?.arrayValue?.count ?? -1
    }

    @Test func aPageElsewhereCanNeitherReadNorWipeTheSandbox() throws {
        let sandbox = try sandboxWithState()
        let read = sandbox.request(.GET, "/_sandbox/state?all=true", headers: [("Origin", Self.evil)])
        #expect(read.status == 403)
        #expect(read.headers["Access-Control-Allow-Origin"] == nil)
        #expect(read.json["error"]?.stringValue?.contains("--allow-origin") == true)
        #expect(!read.text.contains("tenants"))
        // A "simple" request: no preflight, so the gate is all that stands in the way.
        let wipe = sandbox.request(
            .POST, "/_sandbox/reset?all=true", body: Array("x".utf8),
            headers: [("Origin", Self.evil), ("Content-Type", "text/plain")])
        #expect(wipe.status == 403)
        #expect(journalCount(sandbox) == 1)
        #expect(sandbox.request(.POST, "/_sandbox/reset?all=true", headers: [("Origin", "null")]).status == 403)
        #expect(journalCount(sandbox) == 1)
        let preflight = sandbox.request(
            .OPTIONS, "/_sandbox/reset", headers: [("Origin", Self.evil), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 403)
        #expect(preflight.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func theSandboxsOwnOriginAndAllowedOriginsPass() throws {
        let sandbox = try sandboxWithState { $0.allowedOrigins = ["http://localhost:3000"] }
        let own = sandbox.request(.GET, "/_sandbox/clock", headers: [("Origin", "http://127.0.0.1:\(sandbox.port)")])
        #expect(own.status == 200)
        #expect(own.headers["Access-Control-Allow-Origin"] == nil)
        let behindTLS = sandbox.request(
            .GET, "/_sandbox/clock", headers: [("Host", "localhost"), ("Origin", "https://localhost")])
        #expect(behindTLS.status == 200)
        let allowed = sandbox.request(.GET, "/_sandbox/clock", headers: [("Origin", "http://localhost:3000")])
        #expect(allowed.status == 200)
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "http://localhost:3000")
        #expect(allowed.headers["Vary"] == "Origin")
        let preflight = sandbox.request(
            .OPTIONS, "/_sandbox/reset", headers: [("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 204)
        #expect(preflight.headers["Access-Control-Allow-Origin"] == "http://localhost:3000")
        // Another port on the same host is another origin.
        #expect(sandbox.request(.GET, "/_sandbox/clock", headers: [("Origin", "http://localhost:3001")]).status == 403)
        #expect(sandbox.request(.POST, "/_sandbox/reset?all=true", headers: [("Origin", "http://localhost:3000")]).status == 200)
        #expect(journalCount(sandbox) == 0)
    }

    @Test func foreignHostNamesAreRefusedAgainstDNSRebinding() throws {
        let sandbox = try sandboxWithState { $0.publicHosts = ["sandbox.internal"] }
        let port = sandbox.port
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.+1:\(port)", "10.1.2.3:\(port)", "localhost.evil.example"] {
            let refused = sandbox.request(.GET, "/_sandbox/state?all=true", headers: [("Host", host)])
            #expect(refused.status == 421, "\(host)")
            #expect(refused.json["error"]?.stringValue?.contains("--public-host") == true)
        }
        #expect(sandbox.request(.POST, "/_sandbox/reset?all=true", headers: [("Host", "evil.example")]).status == 421)
        #expect(journalCount(sandbox) == 1)
        for host in ["localhost:\(port)", "LOCALHOST", "app.localhost:\(port)", "127.0.0.1", "127.8.9.10:\(port)", "[::1]:\(port)",
                     "[::ffff:127.0.0.1]:\(port)", "sandbox.internal:\(port)", "Sandbox.Internal"] {
            #expect(sandbox.request(.GET, "/_sandbox/clock", headers: [("Host", host)]).status == 200, "\(host)")
        }
    }

    @Test func healthAndTheEmulatedAPIsStayOpenToEveryone() throws {
        let sandbox = try sandboxWithState()
        let hostile = [("Origin", Self.evil), ("Host", "evil.example")]
        #expect(sandbox.request(.GET, "/_sandbox/health", headers: hostile).status == 200)
        let api = sandbox.request(.GET, "/api/v1/datacenter/templates", headers: [("Origin", Self.evil)])
        #expect(api.status == 200)
        #expect(api.headers["Access-Control-Allow-Origin"] == "*")
        let preflight = sandbox.request(
            .OPTIONS, "/api/v1/datacenter/server", headers: [("Origin", Self.evil), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 204)
        #expect(preflight.headers["Access-Control-Allow-Origin"] == "*")
        #expect(preflight.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
        let vpsorg = sandbox.request(.GET, "/nope", headers: [("Origin", Self.evil)])
        #expect(vpsorg.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func theDashboardWorksFromItsOwnOriginAndNoCorsLoadsFromElsewhereAreRefused() throws {
        let sandbox = try sandboxWithState()
        let typed = sandbox.request(.GET, "/_sandbox/", headers: [("Sec-Fetch-Site", "none"), ("Sec-Fetch-Mode", "navigate")])
        #expect(typed.status == 200)
        #expect(typed.headers["Content-Type"]?.hasPrefix("text/html") == true)
        let linked = sandbox.request(.GET, "/_sandbox/", headers: [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate")])
        #expect(linked.status == 200)
        let fetch = sandbox.request(
            .POST, "/_sandbox/clock/advance", json: ["seconds": 60],
            headers: [("Origin", "http://127.0.0.1:\(sandbox.port)"), ("Sec-Fetch-Site", "same-origin")])
        #expect(fetch.status == 200, "\(fetch.text)")
        let script = sandbox.request(
            .GET, "/_sandbox/state?all=true", headers: [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors")])
        #expect(script.status == 403)
    }

    @Test func theLoopbackDecisionReadsTheBoundAddressNotTheHostString() throws {
        for host in ["127.1", "localhost", "127.0.0.1", "::ffff:127.0.0.1"] {
            let sandbox = try TestSandbox { $0.host = host }
            #expect(sandbox.request(.GET, "/_sandbox/clock").status == 200, "\(host)")
        }
        for host in ["0.0.0.0", "::"] {
            let sandbox = try TestSandbox { $0.host = host }
            let refused = sandbox.request(.GET, "/_sandbox/clock")
            #expect(refused.status == 403, "\(host)")
            #expect(refused.json["error"]?.stringValue?.contains("without --admin-token") == true)
        }
    }

    @Test func originsHostsAndTheBodyTimeoutComeFromFlagsOrEnvironment() throws {
        let fromEnvironment = try SandboxOptions.parse(arguments: [], environment: [
            "SANDBOX_ALLOW_ORIGINS": "http://localhost:3000, https://demo.example/", "SANDBOX_PUBLIC_HOSTS": "sandbox.internal",
            "SANDBOX_BODY_TIMEOUT": "2.5",
        ])
        #expect(fromEnvironment.allowedOrigins == ["http://localhost:3000", "https://demo.example/"])
        #expect(fromEnvironment.publicHosts == ["sandbox.internal"])
        #expect(fromEnvironment.bodyTimeout == 2.5)
        let fromFlags = try SandboxOptions.parse(
            arguments: ["--allow-origin", "http://a.test", "--allow-origin=http://b.test", "--public-host", "x.test,y.test", "--body-timeout", "1"],
            environment: [:])
        #expect(fromFlags.allowedOrigins == ["http://a.test", "http://b.test"])
        #expect(fromFlags.publicHosts == ["x.test", "y.test"])
        #expect(fromFlags.bodyTimeout == 1)
        #expect(SandboxOptions().bodyTimeout == 30)
        for bad in [["--allow-origin", "evil.example"], ["--allow-origin", "http://a.test/path"], ["--public-host", "a/b"],
                    ["--body-timeout", "0"], ["--allow-origin", ","]] {
            #expect(throws: SandboxOptions.UsageError.self, "\(bad)") { try SandboxOptions.parse(arguments: bad, environment: [:]) }
        }
    }
}
