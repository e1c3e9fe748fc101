import SQLiteStore
@testable import SandboxCore
import Testing

/// A request may skip asking SQLite for due timers only while no row has changed since the
/// tenant's next timer was read; what a rolled-back transaction read is never remembered.
@Suite struct NextTimerCacheTests {
    struct Refusal: Error {}

    func tenantId(_ runtime: SandboxRuntime) throws -> Int {
        try runtime.perform(token: "a") { $0.tenantId }
    }

    func addTimer(tenant: Int, at due: Int64, in connection: Connection) throws {
        try connection.run("INSERT INTO timers (tenant_id, due_at, kind) VALUES (?, ?, 'lamp.tick')", tenant, due)
    }

    @Test func aTimerAddedAfterAnIdleRequestRunsWhenDue() throws {
        let runtime = try SchedulerTests().makeRuntime()
        #expect(try SchedulerTests().log(runtime, "a").isEmpty)
        try runtime.perform(token: "a") { context in
            try context.schedule("lamp.tick", at: context.now + 1_000, payload: ["remaining": 1])
        }
        #expect(try SchedulerTests().log(runtime, "a").isEmpty)
        _ = try runtime.advanceClock(token: "a", by: 2_000)
        #expect(try SchedulerTests().log(runtime, "a").count == 1)
    }

    @Test func theNextTimerIsRememberedUntilARowChanges() throws {
        let runtime = try SchedulerTests().makeRuntime()
        let tenant = try tenantId(runtime)
        let cache = NextTimerCache()
        func nothingDue(until target: Int64) throws -> Bool {
            try runtime.database.write { connection in
                try cache.nothingDue(tenantId: tenant, until: target, in: connection, unchangedSince: connection.totalChanges)
            }
        }
        #expect(try nothingDue(until: 100))
        try runtime.database.write { try addTimer(tenant: tenant, at: 50, in: $0) }
        #expect(try nothingDue(until: 40))
        #expect(try !nothingDue(until: 50))
        try runtime.database.write { try $0.run("DELETE FROM timers WHERE tenant_id = ?", tenant) }
        #expect(try nothingDue(until: 100))
    }

    @Test func whatARolledBackTransactionReadIsNotRemembered() throws {
        let runtime = try SchedulerTests().makeRuntime()
        let tenant = try tenantId(runtime)
        let cache = NextTimerCache()
        #expect(throws: Refusal.self) {
            try runtime.database.write { connection in
                let unchanged = connection.totalChanges
                try addTimer(tenant: tenant, at: 10, in: connection)
                #expect(try !cache.nothingDue(tenantId: tenant, until: 100, in: connection, unchangedSince: unchanged))
                throw Refusal()
            }
        }
        // The rollback left the change count where the read saw it: only not remembering keeps
        // the timer that never was from being served.
        let idle = try runtime.database.write { connection in
            try cache.nothingDue(tenantId: tenant, until: 100, in: connection, unchangedSince: connection.totalChanges)
        }
        #expect(idle)
    }
}
