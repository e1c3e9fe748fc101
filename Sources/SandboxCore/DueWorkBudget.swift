import Dispatch

/// How much due work one transaction may apply: at most `sliceSteps` steps, and no more than
/// `sliceNanoseconds` (a request's own) or `catchUpNanoseconds` (a catch-up's) once other work
/// waits for the database. A slice that small keeps any one transaction from delaying other
/// tenants' requests by more than a few milliseconds; when nobody waits, the slice runs on
/// (each commit writes the pages its steps touched, so fewer, larger slices are faster: a
/// 100-VM year took 4.1 s in 4 ms slices, 3.3 s in 20 ms).
struct DueWorkBudget {
    /// Past this many steps in one catch-up, a model is rescheduling itself without moving on.
    static let maximumSteps = 1_000_000
    static let sliceSteps = 10_000
    static let sliceNanoseconds: UInt64 = 1_000_000
    /// A catch-up's slice beside other work. Each slice pays a commit, the WAL frames of every
    /// page it touched (its checkpoints are held back: `Database.deferringCheckpoints`). In
    /// 1 ms slices that was as much again as the steps; 3 ms amortises it and keeps the
    /// neighbour's p99 under 10 ms (4 ms: about 10 ms, 6 ms: 9 ms and more reads over 10 ms).
    static let catchUpNanoseconds: UInt64 = 3_000_000

    let steps: Int
    let deadline: UInt64
    /// Whether other work waits; nil: the deadline holds regardless.
    let othersWaiting: (() -> Bool)?
    private(set) var applied = 0

    /// A request's own due work: one short slice, whoever waits.
    static func slice() -> DueWorkBudget {
        DueWorkBudget(steps: sliceSteps, deadline: DispatchTime.now().uptimeNanoseconds + sliceNanoseconds, othersWaiting: nil)
    }

    /// One transaction of a catch-up, which runs on while nobody else waits for the database.
    static func catchUp(othersWaiting: @escaping () -> Bool) -> DueWorkBudget {
        DueWorkBudget(
            steps: sliceSteps, deadline: DispatchTime.now().uptimeNanoseconds + catchUpNanoseconds,
            othersWaiting: othersWaiting)
    }

    /// A budget of steps alone, for work that must happen in one transaction (a scenario).
    static func steps(_ steps: Int) -> DueWorkBudget {
        DueWorkBudget(steps: steps, deadline: .max, othersWaiting: nil)
    }

    /// Takes one step from the budget; false when none is left. The first step is always
    /// allowed, so every slice moves on.
    mutating func spend() -> Bool {
        if applied > 0 {
            guard applied < steps else { return false }
            if DispatchTime.now().uptimeNanoseconds >= deadline, othersWaiting?() ?? true { return false }
        }
        applied += 1
        return true
    }
}
