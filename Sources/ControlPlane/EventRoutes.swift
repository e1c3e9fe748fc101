import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `GET /_sandbox/events?after=ID&wait=SECONDS`: the tenant's state changes after `after`,
/// at once, or as soon as one happens within `wait` seconds (a long-poll that holds no thread).
enum EventRoutes {
    static func routes(runtime: SandboxRuntime, feed: EventFeed) -> [APIRoute] {
        [
            APIRoute(.GET, "/events", "The tenant's state-change events after an id; long-polls with wait (seconds, max 60)", .deferred { request, _, respond in
                let query = request.queryFields()
                let after = try query.int("after", in: 0...Int(Int64.max / 2), required: false) ?? 0
                let limit = try query.int("limit", in: 1...EventFeed.maximumBatch, required: false) ?? 100
                let wait = try query.double("wait") ?? 0
                guard wait >= 0 && wait <= EventFeed.maximumWaitSeconds else {
                    throw DomainError.invalid("wait", "wait must be a number of seconds from 0 to 60")
                }
                let token = request.wantsAll ? nil : try request.requiredToken()
                let answer: @Sendable (Result<EventBatch, any Error>) -> Void = { result in
                    // A cursor behind the retention is answered at once: the client must resync.
                    guard case .success(let found) = result, found.events.isEmpty, found.droppedThrough == nil, wait > 0 else {
                        return respond(result.map { EventFeed.response($0, after: after, all: token == nil) })
                    }
                    feed.park(token: token, after: after, limit: limit, seconds: wait) { respond(.success($0)) }
                }
                let read: @Sendable () throws -> EventBatch = { try runtime.events(token: token, after: after, limit: limit) }
                // A tenant's read goes through its transaction: what is due now shows up now.
                if let token { runtime.submit(token: token, { _ in try read() }, done: answer) } else { runtime.submit(read, done: answer) }
            }),
        ]
    }
}
