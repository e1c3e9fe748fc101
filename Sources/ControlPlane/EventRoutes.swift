import APIKit
import HTTP1
import SandboxCore

/// `GET /_sandbox/events?after=ID&wait=SECONDS`: the tenant's state changes after `after`,
/// at once, or as soon as one happens within `wait` seconds (a long-poll that holds no thread).
enum EventRoutes {
    static func routes(runtime: SandboxRuntime, feed: EventFeed) -> [APIRoute] {
        [
            .deferred(
                .GET, "/events", "The tenant's state-change events after an id; long-polls with wait (seconds, max 60)",
                input: EventInput.read, answer: .json(EventPresenter.page)
            ) { request, _, input, respond in
                let after = input[EventInput.after] ?? 0
                let limit = input[EventInput.limit] ?? 100
                let wait = input[EventInput.wait] ?? 0
                let token = try ControlScope.token(request, input)
                let answer: @Sendable (Result<EventBatch, any Error>) -> Void = { result in
                    // A cursor behind the retention is answered at once: the client must resync.
                    guard case .success(let found) = result, found.events.isEmpty, found.droppedThrough == nil, wait > 0 else {
                        return respond(result.map { EventPresenter.Page(batch: $0, after: after, all: token == nil) })
                    }
                    feed.park(token: token, after: after, limit: limit, seconds: wait) { respond(.success($0)) }
                }
                let read: @Sendable () throws -> EventBatch = { try runtime.events(token: token, after: after, limit: limit) }
                // A tenant's read goes through its transaction: what is due now shows up now.
                if let token { runtime.submit(token: token, { _ in try read() }, done: answer) } else { runtime.submit(read, done: answer) }
            },
        ]
    }
}
