import Foundation
import SandboxTesting
import StructuredData
import Testing

/// The dashboard's page, icon and JSON routes (the page itself is driven in a browser by
/// `scripts/dashboard-test`).
@Suite struct DashboardTests {
    @Test func pageIsSelfContainedAndReadsOnlyTheControlPlane() throws {
        let sandbox = try TestSandbox()
        for path in ["/_sandbox/", "/_sandbox/dashboard"] {
            let page = sandbox.request(.GET, path, token: .some(nil))
            #expect(page.status == 200)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            #expect(page.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
            #expect(page.text.contains("<script>") && page.text.contains("/_sandbox/overview?all=true"))
            #expect(page.text.contains("/_sandbox/events?all=true"))
            // Offline: nothing is loaded from another host.
            #expect(!page.text.contains("http://") && !page.text.contains("https://") && !page.text.contains("src=\"//"))
        }
    }

    @Test func pageIsPublicButItsDataNeedsTheAdminToken() throws {
        let sandbox = try TestSandbox { $0.adminToken = "s3cret" }
        #expect(sandbox.request(.GET, "/_sandbox/").status == 200)
        #expect(sandbox.request(.GET, "/favicon.ico").status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/overview?all=true").status == 401)
        #expect(sandbox.request(.GET, "/_sandbox/overview?all=true", headers: [("X-Sandbox-Admin-Token", "s3cret")]).status == 200)
    }

    @Test func faviconIsAnIconAndStaysOutOfTheJournal() throws {
        let sandbox = try TestSandbox()
        let icon = sandbox.request(.GET, "/favicon.ico")
        #expect(icon.status == 200)
        #expect(icon.headers["Content-Type"] == "image/x-icon")
        #expect(Array(icon.body.prefix(6)) == [0, 0, 1, 0, 1, 0])
        #expect(icon.body.count == 6 + 16 + 40 + 16 * 16 * 4 + 16 * 4)
        #expect(sandbox.request(.HEAD, "/favicon.ico").status == 200)
        sandbox.request(.GET, "/_sandbox/")
        sandbox.request(.GET, "/_sandbox/overview?all=true")
        #expect(sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"] == [])
        // Another method there is an ordinary unknown path, journaled as such.
        #expect(sandbox.request(.POST, "/favicon.ico").status == 404)
        #expect(sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"]?.arrayValue?.count == 1)
    }

    /// Found by schemathesis: the overview catches realtime tenants up first, which waits for
    /// their lanes, and so must not run on the database queue (it crashed the server).
    @Test func overviewCatchesUpARealtimeTenantWithDueWork() throws {
        let sandbox = try TestSandbox()
        sandbox.createVM()
        // A million times real time: the install's first timer (2 s) is due within microseconds.
        let clock = sandbox.request(.PUT, "/_sandbox/clock", json: ["mode": "realtime", "scale": 1_000_000])
        let start = try #require(ISO8601DateFormatter().date(from: clock.json["now"]?.stringValue ?? ""))
        // Read the clock without touching the tenant (which would catch it up) until the timer is due.
        var now = start
        while now.timeIntervalSince(start) < 3 {
            let tenants = sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"]?.arrayValue
            now = ISO8601DateFormatter().date(from: tenants?.first?["clock"]?["now"]?.stringValue ?? "") ?? now
        }
        let overview = sandbox.request(.GET, "/_sandbox/overview?all=true")
        #expect(overview.status == 200)
        #expect(overview.json["tenants"]?.arrayValue?.count == 1)
    }

    @Test func overviewListsEachTenantsServersJobsTimersAndFaults() throws {
        let sandbox = try TestSandbox()
        let other = "ci-run-2"
        let vm = sandbox.createVM()
        sandbox.request(.POST, "/api/v1/datacenter/dedicated/order", json: ["id": 23, "template": "Debian Buster", "hostname": "web1.example.com"])
        let vps = sandbox.request(.POST, "/api/v1/servers/", token: .some(other), json: [
            "name": "web-server-02", "plan_id": 1, "os_id": 5, "location": "us-west", "hostname": "web02.example.com",
        ])
        #expect(vps.status == 201)
        sandbox.request(.POST, "/_sandbox/faults", token: .some(other), json: ["status": 503])
        sandbox.request(.POST, "/_sandbox/faults?all=true", json: ["delayMs": 10])
        sandbox.advance(seconds: 60)

        let overview = sandbox.request(.GET, "/_sandbox/overview?all=true")
        #expect(overview.status == 200)
        let tenants = try #require(overview.json["tenants"]?.arrayValue)
        #expect(tenants.count == 2)
        let mine = tenants[0]
        #expect(mine["token"] == .string(sandbox.token))
        #expect(mine["clock"]?["now"] == "2026-01-01T00:01:00Z")
        let servers = try #require(mine["servers"]?.arrayValue)
        #expect(servers.map { $0["resourceType"] } == ["virtual_server", "dedicated_server"])
        #expect(servers[0]["id"] == .int(vm.id) && servers[0]["state"] == "installing" && servers[0]["api"] == "reseller")
        #expect(servers[0]["ips"]?.arrayValue?.count == 2)
        #expect(servers[1]["state"] == "provisioning" && servers[1]["name"] == "web1.example.com")
        let install = try #require(mine["jobs"]?.arrayValue?.first { $0["id"] == .int(vm.jobId) })
        #expect(install["status"] == "running")
        #expect(install["progress"] == 48)  // 58 of its 120 running seconds
        #expect(mine["timers"]?.arrayValue?.first?["dueAt"] == "2026-01-01T00:02:02Z")
        #expect(mine["faults"] == [])

        let theirs = tenants[1]
        #expect(theirs["label"] == "ci-r…ce1c61" && theirs["clock"]?["now"] == "2026-01-01T00:00:00Z")
        #expect(theirs["servers"]?.arrayValue?.first?["api"] == "vpsorg" && theirs["servers"]?.arrayValue?.first?["state"] == "provisioning")
        #expect(theirs["faults"]?.arrayValue?.map { $0["status"] } == [503])
        #expect(overview.json["globalFaults"]?.arrayValue?.map { $0["delayMs"] } == [10])
        let events = sandbox.request(.GET, "/_sandbox/events?all=true&limit=1000").json
        #expect(overview.json["lastEvent"] == events["last"])
    }

    @Test func overviewOfOneTenantNeedsItsTokenAndCreatesNone() throws {
        let sandbox = try TestSandbox()
        sandbox.createVM()
        #expect(sandbox.request(.GET, "/_sandbox/overview", token: .some(nil)).status == 401)
        let own = sandbox.request(.GET, "/_sandbox/overview").json
        #expect(own["tenants"]?.arrayValue?.count == 1)
        #expect(own["globalFaults"] == nil)
        #expect(sandbox.request(.GET, "/_sandbox/overview", token: "nobody-yet").json["tenants"] == [])
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"]?.arrayValue?.count == 1)
    }

    @Test func tenantsAreToldApartWithoutShowingTheirTokens() throws {
        let sandbox = try TestSandbox()
        let secret = "d41d8cd98f00b204e9800998ecf8427e"
        for token in ["ci-run-1", "ci-run-2", secret] {
            sandbox.request(.GET, "/api/v1/datacenter/templates", token: .some(token))
            sandbox.createVM(token: token)
        }
        let labels = sandbox.request(.GET, "/_sandbox/overview?all=true").json["tenants"]?.arrayValue?.map { $0["label"] }
        #expect(labels == ["ci-r…a78b2f", "ci-r…ce1c61", "d41d…c0bd38"])
        let journal = sandbox.request(.GET, "/_sandbox/requests?all=true")
        #expect(Set(journal.json["requests"]?.arrayValue?.compactMap { $0["tenant"]?.stringValue } ?? []) == ["ci-r…a78b2f", "ci-r…ce1c61", "d41d…c0bd38"])
        #expect(!journal.text.contains(secret))
        let events = sandbox.request(.GET, "/_sandbox/events?all=true")
        #expect(Set(events.json["events"]?.arrayValue?.compactMap { $0["tenant"]?.stringValue } ?? []) == ["ci-r…a78b2f", "ci-r…ce1c61", "d41d…c0bd38"])
        #expect(!events.text.contains(secret))
    }

    @Test func journalTimesAreInOneClock() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        sandbox.advance(seconds: 86_400)
        sandbox.request(.GET, "/api/v1/datacenter/templates")
        sandbox.request(.GET, "/api/v1/datacenter/templates", token: "other")
        let entries = try #require(sandbox.request(.GET, "/_sandbox/requests?all=true").json["requests"]?.arrayValue)
        // `at` is each tenant's own clock, back and forth across tenants; `receivedAt` the wall clock.
        #expect(entries.map { $0["at"] } == ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"])
        let formatter = ISO8601DateFormatter()
        let received = entries.compactMap { $0["receivedAt"]?.stringValue.flatMap(formatter.date(from:)) }
        #expect(received.count == 3)
        #expect(received == received.sorted(by: >))
        #expect(received.allSatisfy { abs($0.timeIntervalSinceNow) < 120 })
    }
}
