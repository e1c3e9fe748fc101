import SQLiteStore
@testable import SandboxCore
import Testing

/// Pruning history directly, with a small batch: a long history goes over several transactions,
/// and what is within the retention stays even when written out of order (events are a prefix of
/// ids, so an old event written after a newer one waits until that one goes).
@Suite struct RetentionPruningTests {
    static let day: Int64 = 86_400_000
    static let start = RuntimeConfiguration.seededEpoch

    func makeRuntime() throws -> SandboxRuntime {
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.seed = 1
        configuration.backgroundInterval = 0
        configuration.retentionDays = 0  // only the retention under test prunes
        return try SandboxRuntime(database: try Database(path: ":memory:"), configuration: configuration, modules: [LampModule()])
    }

    func value(_ runtime: SandboxRuntime, _ sql: String) throws -> Int {
        try runtime.database.read { try $0.query(sql).first?.int("n") ?? -1 }
    }

    @Test func aLongHistoryIsPrunedInBatchesAndWhatIsWithinTheRetentionStays() throws {
        let runtime = try makeRuntime()
        let recentId = try runtime.perform(token: "history") { context -> Int in
            for index in 0..<25 {
                context.now = Self.start + Int64(index) * 1_000
                try context.recordTransition(resourceType: "lamp", resourceId: index, from: nil, to: "on")
            }
            for index in 0..<15 {
                context.now = Self.start + 30_000 + Int64(index) * 10_000
                let job = try context.startJob("lamp.switch", resourceType: "lamp", resourceId: index, runsFor: 1_000)
                try context.completeJob(job.id)
            }
            // Written after old events, dated within the retention, then an old one again.
            context.now = Self.start + Self.day * 3 / 2
            try context.recordTransition(resourceType: "lamp", resourceId: 99, from: nil, to: "recent")
            let recent = Int(context.connection.lastInsertedRowID)
            context.now = Self.start + 500_000
            try context.recordTransition(resourceType: "lamp", resourceId: 100, from: nil, to: "late-but-old")
            return recent
        }
        #expect(try value(runtime, "SELECT count(*) AS n FROM events") > 60)

        let retention = Retention(days: 1, jobReferences: [], batch: 10)
        var transactions = 0
        while try value(runtime, "SELECT history_pruned_at AS n FROM tenants") == 0 && transactions < 100 {
            try runtime.perform(token: "history") { context in
                context.now = Self.start + 2 * Self.day
                try retention.pruneIfDue(context)
            }
            transactions += 1
        }
        #expect(transactions > 5)
        #expect(try value(runtime, "SELECT count(*) AS n FROM jobs") == 0)
        #expect(try value(runtime, "SELECT count(*) AS n FROM events") == 2)
        #expect(try value(runtime, "SELECT min(id) AS n FROM events") == recentId)
        #expect(try value(runtime, "SELECT events_dropped_through AS n FROM tenants") == recentId - 1)
        // Done: the clock has to move a tenth of the retention before the next prune.
        #expect(try value(runtime, "SELECT history_pruned_at AS n FROM tenants") == Int(Self.start + 2 * Self.day))
    }
}

/// The background sweep's cadence, on an injected wall clock.
@Suite struct TenantSweepTests {
    @Test func theBackgroundSweepRunsAtMostOnceAMinute() throws {
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.backgroundInterval = 0
        configuration.tenantIdleDays = 1
        let runtime = try SandboxRuntime(
            database: try Database(path: ":memory:"), configuration: configuration, modules: [LampModule()])
        let start: Int64 = 1_800_000_000_000
        runtime.tenantSweep.useWallClock { start }
        try runtime.perform(token: "idle-soon") { _ in () }
        let tenants = { try runtime.database.read { try $0.query("SELECT token FROM tenants").map { try $0.string("token") } } }

        runtime.tenantSweep.useWallClock { start + 86_400_000 - 30_000 }
        runtime.removeIdleTenantsWhenDue()
        #expect(try tenants() == ["idle-soon"])
        runtime.tenantSweep.useWallClock { start + 86_400_000 + 1_000 }
        runtime.removeIdleTenantsWhenDue()
        #expect(try tenants() == ["idle-soon"], "31 s after the last sweep: none due yet")
        runtime.tenantSweep.useWallClock { start + 86_400_000 + 31_000 }
        runtime.removeIdleTenantsWhenDue()
        #expect(try tenants().isEmpty)
    }
}

