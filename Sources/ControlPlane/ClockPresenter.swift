import APIKit
import SandboxCore

/// A tenant's clock: `{"mode", "now", "scale"}`, the answer of every clock route and part of
/// each tenant's summary.
enum ClockPresenter {
    typealias State = (mode: SandboxClock.Mode, now: Int64, scale: Double)

    static let state = Presenter<State>.object(
        "SandboxClock",
        [
            PresentedProperty("mode", .choice(SandboxClock.Mode.allCases.map(\.rawValue))) { .string($0.mode.rawValue) },
            .string("now", .dateTime) { Timestamp.iso8601($0.now) },
            PresentedProperty("scale", .number(minimum: 0)) { .double($0.scale) },
        ])

    /// The clock as the runtime reads it: the clock and the tenant's present.
    static let reading = state.of { (reading: (clock: SandboxClock, now: Int64)) in
        (reading.clock.mode, reading.now, reading.clock.scale)
    }
}
