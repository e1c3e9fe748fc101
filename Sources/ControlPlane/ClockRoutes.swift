import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// Each tenant's clock: read it, change mode/scale, set it, advance it.
enum ClockRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            .tenant(.GET, "/clock", "Read the tenant's clock") { request in
                render((request.context.tenant.clock, request.context.now))
            },
            APIRoute(.PUT, "/clock", "Set the tenant's clock mode, scale or time", .long { request, _ in
                let fields = try request.fields()
                let mode = try fields.string("mode").map { text -> SandboxClock.Mode in
                    guard let mode = SandboxClock.Mode(rawValue: text) else {
                        throw DomainError.invalid("mode", "mode must be one of realtime, manual")
                    }
                    return mode
                }
                let scale = try fields.double("scale")
                if let scale, !(scale > 0 && scale <= 1_000_000) {
                    throw DomainError.invalid("scale", "scale must be a number greater than 0 and at most 1000000")
                }
                let now = try fields.string("now").map { text -> Int64 in
                    guard let millis = Timestamp.parseISO8601(text) else {
                        throw DomainError.invalid("now", "now must be an ISO-8601 time such as 2026-01-01T00:00:00Z")
                    }
                    return millis
                }
                guard mode != nil || scale != nil || now != nil else {
                    throw DomainError.invalid("mode", "send at least one of mode, scale, now")
                }
                return render(try runtime.setClock(token: request.bearerToken, mode: mode, scale: scale, now: now))
            }),
            APIRoute(.POST, "/clock/advance", "Advance the tenant's clock, applying due work in order", .long { request, _ in
                let fields = try request.fields()
                guard let seconds = try fields.double("seconds"), seconds >= 0, seconds <= 3_153_600_000 else {
                    throw DomainError.invalid("seconds", "seconds is required: a number of seconds from 0 to 3153600000")
                }
                let millis = Int64((seconds * 1000).rounded())
                return render(try runtime.advanceClock(token: request.bearerToken, by: millis))
            }),
        ]
    }

    static func render(_ reading: (clock: SandboxClock, now: Int64)) -> HTTPResponse {
        .json([
            "mode": .string(reading.clock.mode.rawValue), "now": .string(Timestamp.iso8601(reading.now)),
            "scale": .double(reading.clock.scale),
        ])
    }
}
