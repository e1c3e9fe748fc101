import Dispatch

/// How much due work one transaction may apply: a number of steps and a span of time. A
/// slice this small keeps any one transaction from delaying other tenants' requests by
/// more than a few milliseconds; more work is applied in further slices.
struct DueWorkBudget {
    /// Past this many steps in one catch-up, a model is rescheduling itself without moving on.
    static let maximumSteps = 1_000_000
    static let sliceSteps = 10_000
    static let sliceNanoseconds: UInt64 = 4_000_000

    let steps: Int
    let deadline: UInt64
    private(set) var applied = 0

    static func slice() -> DueWorkBudget {
        DueWorkBudget(steps: sliceSteps, deadline: DispatchTime.now().uptimeNanoseconds + sliceNanoseconds)
    }

    /// A budget of steps alone, for work that must happen in one transaction (a scenario).
    static func steps(_ steps: Int) -> DueWorkBudget {
        DueWorkBudget(steps: steps, deadline: .max)
    }

    /// Takes one step from the budget; false when none is left. The first step is always
    /// allowed, so every slice moves on.
    mutating func spend() -> Bool {
        guard applied == 0 || (applied < steps && DispatchTime.now().uptimeNanoseconds < deadline) else { return false }
        applied += 1
        return true
    }
}
