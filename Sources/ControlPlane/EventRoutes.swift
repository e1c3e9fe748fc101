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
                do {
                    let query = request.queryFields()
                    let after = try query.int("after", in: 0...Int(Int64.max / 2), required: false) ?? 0
                    let limit = try query.int("limit", in: 1...EventFeed.maximumBatch, required: false) ?? 100
                    let wait = try query.double("wait") ?? 0
                    guard wait >= 0 && wait <= EventFeed.maximumWaitSeconds else {
                        throw DomainError.invalid("wait", "wait must be a number of seconds from 0 to 60")
                    }
                    let token = request.wantsAll ? nil : try request.requiredToken()
                    // Applies the tenant's due work first, so what is due now shows up now.
                    if let token { try runtime.perform(token: token) { _ in () } }
                    let found = try runtime.events(token: token, after: after, limit: limit)
                    // A cursor behind the retention is answered at once: the client must resync.
                    guard found.events.isEmpty, found.droppedThrough == nil, wait > 0 else {
                        return respond(EventFeed.response(found, after: after, all: token == nil))
                    }
                    feed.park(token: token, after: after, limit: limit, seconds: wait, respond: respond)
                } catch let error as DomainError {
                    respond(ControlErrors().response(for: error))
                } catch {
                    respond(.json(["error": .string("Internal sandbox error: \(error)")], status: .internalServerError))
                }
            }),
        ]
    }
}
