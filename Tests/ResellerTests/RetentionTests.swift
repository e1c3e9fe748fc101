import HTTP1
import Sandbox
import SQLiteStore
import SandboxCore
import SandboxTesting
import StructuredData
import Testing

/// Storage follows live state: history older than the retention goes as the tenant's clock
/// moves, rows of a deleted VM go with it, idle open-mode tenants go (wall time injected).
@Suite struct RetentionTests {
    static let day = 86_400.0

    func events(_ sandbox: TestSandbox, after: Int = 0, query: String = "") -> TestResponse {
        sandbox.request(.GET, "/_sandbox/events?after=\(after)\(query)")
    }

    func ids(_ response: TestResponse) -> [Int] {
        response.json["events"]?.arrayValue?.compactMap { $0["id"]?.intValue.map(Int.init) } ?? []
    }

    func count(_ sandbox: TestSandbox, _ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
        try sandbox.application.runtime.database.read { try $0.query(sql, arguments).first?.int("n") ?? -1 }
    }

    @Test func eventsAndEndedJobsOlderThanTheRetentionVanishAfterAnAdvance() throws {
        let sandbox = try TestSandbox { $0.retentionDays = 1 }
        let old = sandbox.createVM()
        sandbox.advance(seconds: 130)
        let before = events(sandbox)
        let oldIds = ids(before)
        #expect(!oldIds.isEmpty)
        #expect(sandbox.request(.GET, "/api/v1/job/\(old.jobId)").status == 200)

        sandbox.advance(seconds: 1.5 * Self.day)
        let recent = sandbox.createVM()
        sandbox.advance(seconds: 130)

        #expect(sandbox.request(.GET, "/api/v1/job/\(old.jobId)").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/job/\(recent.jobId)").status == 200)
        let after = events(sandbox)
        #expect(Set(ids(after)).isDisjoint(with: oldIds))
        #expect(after.json["events"]?.arrayValue?.contains { $0["jobId"] == .int(recent.jobId) } == true)
        // The VM itself is live state, however old.
        #expect(sandbox.vmState(old.id) == "running")
    }

    @Test func aCursorOlderThanWhatIsKeptGetsTheOldestKeptAndIsToldOfTheGap() throws {
        let sandbox = try TestSandbox { $0.retentionDays = 1 }
        let other = "retention-other-\(sandbox.token)"
        sandbox.createVM()
        sandbox.advance(seconds: 130)
        let seen = Int(try #require(events(sandbox).json["last"]?.intValue))
        sandbox.advance(seconds: 2 * Self.day)
        // Nothing newer is kept yet: a stale cursor is answered at once (no long-poll) with the gap.
        let stale = events(sandbox, query: "&wait=30")
        #expect(stale.json["dropped"] == .bool(true))
        #expect(stale.json["droppedThrough"] == .int(Int64(seen)))
        #expect(stale.json["last"] == .int(Int64(seen)))
        #expect(ids(stale).isEmpty)
        // A client that had read everything missed nothing.
        let current = events(sandbox, after: seen)
        #expect(current.json["dropped"] == .bool(false))
        #expect(current.json["droppedThrough"] == nil)

        let kept = sandbox.createVM()
        sandbox.createVM(token: other)
        let resumed = events(sandbox)
        #expect(resumed.json["dropped"] == .bool(true))
        #expect(ids(resumed).first.map { $0 > seen } == true)
        #expect(resumed.json["events"]?.arrayValue?.contains { $0["jobId"] == .int(Int64(kept.jobId)) } == true)
        // The all-tenants stream says the same for a cursor behind any tenant's retention.
        #expect(events(sandbox, query: "&all=true").json["dropped"] == .bool(true))
        #expect(events(sandbox, after: seen, query: "&all=true").json["dropped"] == .bool(false))
    }

    @Test func aBackupKeepsItsJobBeyondTheRetention() throws {
        let sandbox = try TestSandbox { $0.retentionDays = 1 }
        let id = sandbox.runningVM()
        #expect(sandbox.request(.PUT, sandbox.server(id, "backups/create")).status == 200)
        sandbox.advance(seconds: 400)
        sandbox.advance(seconds: 3 * Self.day)
        #expect(sandbox.backupStatus(id) == ["status": "finished", "progress": 100])
        #expect(sandbox.backups(id).count == 1)
    }

    @Test func deletingAVMRemovesItsRows() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        #expect(sandbox.request(.PUT, sandbox.server(id, "backups/create")).status == 200)
        sandbox.advance(seconds: 400)
        #expect(
            sandbox.request(.POST, sandbox.server(id, "scheduled"), json: ["command": "RESTART", "interval": "DAILY"])
                .status == 200)
        #expect(
            sandbox.request(.POST, "/_sandbox/incidents", json: ["serverId": .int(Int64(id)), "types": ["UDP Flood"]])
                .status == 201)
        let tables = ["server_backups", "scheduled_tasks", "server_incidents", "server_software"]
        #expect(try count(sandbox, "SELECT count(*) AS n FROM server_backups WHERE server_id = ?", [id]) == 1)
        #expect(try count(sandbox, "SELECT count(*) AS n FROM timers WHERE resource_id = ?", [id]) > 0)

        let deleted = sandbox.request(.POST, sandbox.server(id, "delete"), json: ["force": true])
        #expect(deleted.status == 200, "\(deleted.text)")
        for table in tables {
            #expect(try count(sandbox, "SELECT count(*) AS n FROM \(table) WHERE server_id = ?", [id]) == 0, "\(table)")
        }
        #expect(try count(sandbox, "SELECT count(*) AS n FROM timers WHERE resource_id = ?", [id]) == 0)
    }

    @Test func idleOpenModeTenantsGoButSeededAndCreatedOnesStay() throws {
        let sandbox = try TestSandbox { $0.tenantIdleDays = 2 }
        let runtime = sandbox.application.runtime
        let start = realTimeMillis()
        runtime.tenantSweep.useWallClock { start }
        let idle = "idle-\(sandbox.token)", active = "active-\(sandbox.token)", created = "created-\(sandbox.token)"
        sandbox.createVM(token: idle)
        sandbox.createVM(token: active)
        #expect(sandbox.request(.POST, "/_sandbox/tenants", json: ["token": .string(created)]).status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server", token: "sandbox-demo-token").status == 200)

        runtime.tenantSweep.useWallClock { start + 86_400_000 }
        #expect(try runtime.removeIdleTenants() == 0)
        sandbox.request(.GET, "/api/v1/datacenter/server", token: .some(active))
        runtime.tenantSweep.useWallClock { start + 2 * 86_400_000 + 60_000 }
        #expect(try runtime.removeIdleTenants() == 1)

        let tokens = sandbox.request(.GET, "/_sandbox/tenants?all=true").json["tenants"]?.arrayValue?
            .compactMap { $0["token"]?.stringValue } ?? []
        #expect(!tokens.contains(idle))
        #expect(Set([active, created, "sandbox-demo-token"]).isSubset(of: tokens))
        #expect(try count(sandbox, "SELECT count(*) AS n FROM virtual_servers") == 1)
        // The removed tenant's token starts afresh on its next request.
        #expect(sandbox.serverIDs(token: idle).isEmpty)
    }

    @Test func retentionAndIdleTimeAreReadInDaysWithFractions() throws {
        let options = try SandboxOptions.parse(
            arguments: ["--retention-days", "0.5"], environment: ["SANDBOX_TENANT_IDLE_DAYS": "0.0001"])
        #expect(options.retentionDays == 0.5)
        #expect(options.tenantIdleDays == 0.0001)
        #expect(throws: SandboxOptions.UsageError.self) {
            try SandboxOptions.parse(arguments: ["--retention-days", "-1"], environment: [:])
        }
        #expect(throws: SandboxOptions.UsageError.self) {
            try SandboxOptions.parse(arguments: [], environment: ["SANDBOX_TENANT_IDLE_DAYS": "soon"])
        }
    }
}

