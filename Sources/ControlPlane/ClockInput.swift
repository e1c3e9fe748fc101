import APIKit
import SandboxCore

/// What `PUT /clock` and `POST /clock/advance` read.
enum ClockInput {
    static let mode = Field<String>.choice("mode", SandboxClock.Mode.allCases.map(\.rawValue), .optional)
        .map { SandboxClock.Mode(rawValue: $0) }
        .documented("manual: the clock stands still; realtime: it runs at scale times real time", example: "manual")

    static let scale = Field<Double>.number(
        "scale", 0...1_000_000, .optional, aboveLowerBound: true, rule: "scale must be a number greater than 0 and at most 1000000"
    ).documented("Sandbox seconds per real second while realtime", example: 60)

    static let now = Field<String>.string(
        "now", .optional, format: "date-time", rule: "now must be an ISO-8601 time such as 2026-01-01T00:00:00Z"
    ).map { Timestamp.parseISO8601($0) }.documented("The tenant's new time; forward only", example: "2027-01-01T00:00:00Z")

    /// `mode`, `scale` and `now`; at least one of them.
    static let change = InputDeclaration(
        .laravel, [AnyField(mode), AnyField(scale), AnyField(now)],
        alternatives: [.init(["mode", "scale", "now"], field: "mode", message: "send at least one of mode, scale, now")])

    static let seconds = Field<Double>.number(
        "seconds", 0...3_153_600_000, rule: "seconds must be a number of seconds from 0 to 3153600000"
    ).documented("How far to move the tenant's clock forward", example: 86400)

    static let advance = InputDeclaration(.laravel, [AnyField(seconds)])
}
