import APIKit

/// What `GET /events` reads: the cursor, the page size and how long to wait.
enum EventInput {
    static let after = Field<Int>.integer("after", 0...Int(Int64.max / 2), .optional).inQuery
        .documented("Events after this id (default 0: from the oldest kept)", example: 42)

    static let limit = Field<Int>.integer("limit", 1...EventFeed.maximumBatch, .optional).inQuery
        .documented("At most this many events (default 100)", example: 100)

    static let wait = Field<Double>.number(
        "wait", 0...EventFeed.maximumWaitSeconds, .optional, rule: "wait must be a number of seconds from 0 to 60"
    ).inQuery.documented("Seconds to wait for an event when there is none yet (a long-poll; default 0)", example: 30)

    static let read = InputDeclaration(.laravel, [AnyField(ControlScope.all), AnyField(after), AnyField(limit), AnyField(wait)])
}
