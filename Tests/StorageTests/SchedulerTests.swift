import Foundation
import SQLiteStore
@testable import SandboxCore
import StructuredData
import Testing

/// A toy model to drive the scheduler: a lamp that a job switches on and a timer switches off.
struct LampModule: SandboxModule {
    var migrations: [Migration] {
        [
            Migration(
                "lamp.001",
                "CREATE TABLE lamp_log (tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, at INTEGER, what TEXT)"
            )
        ]
    }

    func register(in scheduler: Scheduler) {
        scheduler.register(
            JobKind(
                "lamp.switch",
                complete: { context, job in
                    if job.payload["explode"] == .bool(true) { throw DomainError.conflict("the bulb blew") }
                    try context.connection.run(
                        "INSERT INTO lamp_log VALUES (?, ?, 'on')", context.tenantId, context.now)
                    return ["lamp": "on"]
                },
                fail: { context, _, reason in
                    try context.connection.run(
                        "INSERT INTO lamp_log VALUES (?, ?, ?)", context.tenantId, context.now, "failed: \(reason)")
                }))
        scheduler.onTimer("lamp.tick") { context, timer in
            try context.connection.run("INSERT INTO lamp_log VALUES (?, ?, 'tick')", context.tenantId, context.now)
            if let remaining = timer.payload["remaining"]?.intValue, remaining > 1 {
                try context.schedule("lamp.tick", at: context.now + 1_000, payload: ["remaining": .int(remaining - 1)])
            }
        }
    }
}

@Suite struct SchedulerTests {
    func makeRuntime() throws -> SandboxRuntime {
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.seed = 1
        configuration.backgroundInterval = 0
        return try SandboxRuntime(database: try Database(path: ":memory:"), configuration: configuration, modules: [LampModule()])
    }

    func log(_ runtime: SandboxRuntime, _ token: String) throws -> [String] {
        try runtime.perform(token: token) { context in
            try context.connection.query("SELECT what FROM lamp_log WHERE tenant_id = ? ORDER BY rowid", [context.tenantId])
                .map { try $0.string("what") }
        }
    }

    @Test func jobsRunQueuedThenRunningThenFinishedWithTheClock() throws {
        let runtime = try makeRuntime()
        let job = try runtime.perform(token: "a") { try $0.startJob("lamp.switch", resourceType: "lamp", resourceId: 1, queuedFor: 1_000, runsFor: 10_000) }
        #expect(job.status == .queued)
        _ = try runtime.advanceClock(token: "a", by: 6_000)
        let running = try runtime.perform(token: "a") { context in (try context.job(job.id)!, context.now) }
        #expect(running.0.status == .running)
        #expect(running.0.progress(at: running.1) == 50)
        _ = try runtime.advanceClock(token: "a", by: 5_000)
        let finished = try runtime.perform(token: "a") { try $0.job(job.id)! }
        #expect(finished.status == .finished)
        #expect(finished.output == ["lamp": "on"])
        #expect(try log(runtime, "a") == ["on"])
    }

    @Test func aRefusingJobFailsAndRollsBackItsEffects() throws {
        let runtime = try makeRuntime()
        let job = try runtime.perform(token: "a") {
            try $0.startJob("lamp.switch", resourceType: "lamp", resourceId: 1, runsFor: 1_000, payload: ["explode": true])
        }
        _ = try runtime.advanceClock(token: "a", by: 60_000)
        let failed = try runtime.perform(token: "a") { try $0.job(job.id)! }
        #expect(failed.status == .failed)
        #expect(failed.output == .string("the bulb blew"))
        #expect(try log(runtime, "a") == ["failed: the bulb blew"])
    }

    @Test func dueWorkRunsInTimeOrderAtItsOwnTime() throws {
        let runtime = try makeRuntime()
        let start = try runtime.perform(token: "a") { context in
            try context.schedule("lamp.tick", at: context.now + 1_000, payload: ["remaining": 3])
            return context.now
        }
        _ = try runtime.advanceClock(token: "a", by: 10_000)
        let times = try runtime.perform(token: "a") { context in
            try context.connection.query("SELECT at FROM lamp_log WHERE tenant_id = ?", [context.tenantId]).map { try $0.int64("at") - start }
        }
        #expect(times == [1_000, 2_000, 3_000])
    }

    @Test func overdueWorkIsStampedWithItsDueTimeNotTheRequestTime() throws {
        let runtime = try makeRuntime()
        let start = try runtime.perform(token: "a") { context in
            try context.schedule("lamp.tick", at: context.now + 1_000)
            return context.now
        }
        // Jumping the clock leaves the tick overdue; the next request applies it.
        _ = try runtime.setClock(token: "a", mode: nil, scale: nil, now: start + 60_000)
        let stamped = try runtime.perform(token: "a") { context in
            try context.connection.first("SELECT at FROM lamp_log WHERE tenant_id = ?", context.tenantId)?.int64("at")
        }
        #expect(stamped == start + 1_000)
    }

    @Test func aBacklogLargerThanOneTransactionIsCaughtUpInChunks() throws {
        let runtime = try makeRuntime()
        let steps = DueWorkBudget.sliceSteps * 2 + 500
        try runtime.perform(token: "a") { context in
            try context.schedule("lamp.tick", at: context.now + 1_000, payload: ["remaining": .int(steps)])
        }
        _ = try runtime.advanceClock(token: "a", by: Int64(steps + 10) * 1_000)
        let count = try runtime.perform(token: "a") { context in
            try context.connection.first("SELECT COUNT(*) AS n FROM lamp_log WHERE tenant_id = ?", context.tenantId)?.int("n")
        }
        #expect(count == steps)
    }

    @Test func tenantsHaveTheirOwnClocks() throws {
        let runtime = try makeRuntime()
        _ = try runtime.advanceClock(token: "a", by: 3_600_000)
        let a = try runtime.clock(token: "a").now
        let b = try runtime.clock(token: "b").now
        #expect(a - b == 3_600_000)
    }

    @Test func settingTheClockBackwardsIsRefused() throws {
        let runtime = try makeRuntime()
        let now = try runtime.clock(token: "a").now
        #expect(throws: DomainError.self) { try runtime.setClock(token: "a", mode: nil, scale: nil, now: now - 1) }
    }

    @Test func strictModeRefusesUnknownTokens() throws {
        var configuration = RuntimeConfiguration()
        configuration.strictTokens = true
        configuration.knownTokens = [TokenSeed(token: "known", balance: 5, permissions: ["outgoingMail"])]
        let runtime = try SandboxRuntime(database: try Database(path: ":memory:"), configuration: configuration, modules: [])
        #expect(throws: DomainError.self) { try runtime.perform(token: "stranger") { _ in () } }
        let tenant = try runtime.perform(token: "known") { $0.tenant }
        #expect(tenant.balance == 5)
        #expect(tenant.hasPermission("outgoingMail"))
    }

    @Test func resetForgetsATenantsWorld() throws {
        let runtime = try makeRuntime()
        try runtime.perform(token: "a") { try $0.schedule("lamp.tick", at: $0.now + 1) }
        _ = try runtime.advanceClock(token: "a", by: 5)
        #expect(try log(runtime, "a") == ["tick"])
        try runtime.resetTenant(token: "a")
        #expect(try log(runtime, "a").isEmpty)
    }
}
