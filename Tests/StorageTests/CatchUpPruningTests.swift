import Foundation
import SQLiteStore
@testable import SandboxCore
import Synchronization
import Testing

/// A lamp that ticks every six sandbox minutes, each tick an event, and each tick also hands the
/// database queue a piece of other work, so that every slice of a catch-up ends with others
/// waiting (as beside a neighbour reading flat out).
private struct BusyLampModule: SandboxModule {
    let othersArrive: @Sendable () -> Void
    var migrations: [Migration] { [] }

    func register(in scheduler: Scheduler) {
        scheduler.onTimer("busy.tick") { context, timer in
            try context.recordTransition(resourceType: "lamp", resourceId: 1, from: "off", to: "on")
            othersArrive()
            guard let remaining = timer.payload["remaining"]?.intValue, remaining > 1 else { return }
            try context.schedule("busy.tick", at: context.now + 360_000, payload: ["remaining": .int(remaining - 1)])
        }
    }
}

/// A catch-up whose slices end for others prunes its history in slices of its own, as it goes,
/// not only once it is done.
@Suite struct CatchUpPruningTests {
    static let hour: Int64 = 3_600_000

    @Test func historyIsPrunedAsACatchUpGoesWhileOthersWait() throws {
        let database = try Database(path: ":memory:")
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.seed = 1
        configuration.backgroundInterval = 0
        configuration.retentionDays = 1
        let runtime = try SandboxRuntime(
            database: database, configuration: configuration,
            modules: [BusyLampModule(othersArrive: { database.submit {} })])
        // Five days of ticks.
        try runtime.perform(token: "busy") { context in
            try context.schedule("busy.tick", at: context.now + 360_000, payload: ["remaining": .int(1_200)])
        }
        // After each slice: how far behind the newest event the oldest kept one is.
        let widestSpan = Mutex<Int64>(0)
        let slices = Mutex(0)
        runtime.betweenSlices = {
            let span = (try? database.read {
                try $0.first("SELECT max(at) - min(at) AS span FROM events")?.int64("span")
            }) ?? 0
            widestSpan.withLock { $0 = max($0, span ?? 0) }
            slices.withLock { $0 += 1 }
        }
        _ = try runtime.advanceClock(token: "busy", by: 5 * 24 * Self.hour + Self.hour)

        #expect(slices.withLock { $0 } > 10)
        // A day kept, pruned every tenth of a day, plus what one slice applies: never five days.
        #expect(widestSpan.withLock { $0 } < 2 * 24 * Self.hour)
        let events = try database.read { try $0.first("SELECT count(*) AS n FROM events")?.int("n") }
        #expect((1...264).contains(events ?? 0))
    }
}
