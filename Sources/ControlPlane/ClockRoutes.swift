import APIKit
import HTTP1
import SandboxCore

/// Each tenant's clock: read it, change mode/scale, set it, advance it.
enum ClockRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            .tenant(.GET, "/clock", "Read the tenant's clock", answer: .json(ClockPresenter.reading)) { request, _ in
                (request.context.tenant.clock, request.context.now)
            },
            .long(
                .PUT, "/clock", "Set the tenant's clock mode, scale or time", input: ClockInput.change,
                answer: .json(ClockPresenter.reading)
            ) { request, _, input in
                try runtime.setClock(
                    token: request.bearerToken, mode: input[ClockInput.mode], scale: input[ClockInput.scale], now: input[ClockInput.now])
            },
            .long(
                .POST, "/clock/advance", "Advance the tenant's clock, applying due work in order", input: ClockInput.advance,
                answer: .json(ClockPresenter.reading)
            ) { request, _, input in
                let millis = Int64((try input.required(ClockInput.seconds) * 1000).rounded())
                return try runtime.advanceClock(token: request.bearerToken, by: millis)
            },
        ]
    }
}
