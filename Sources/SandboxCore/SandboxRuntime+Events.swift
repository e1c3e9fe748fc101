import SQLiteStore

/// A recorded state change, as the event stream shows it.
public struct EventRecord: Sendable {
    public let id: Int
    public let token: String
    public let resourceType: String
    public let resourceId: Int
    public let from: String?
    public let to: String
    /// The tenant's sandbox time of the change.
    public let at: Int64
    public let jobId: Int?

    init(row: Row) throws {
        id = try row.int("id")
        token = try row.string("token")
        resourceType = try row.string("resource_type")
        resourceId = try row.int("resource_id")
        from = try row.optionalString("from_state")
        to = try row.string("to_state")
        at = try row.int64("at")
        jobId = try row.optionalInt("job_id")
    }
}

/// A page of the event stream. `droppedThrough` is set when retention deleted events after
/// the cursor: the page then starts at the oldest event kept, and this is the newest id dropped.
public struct EventBatch: Sendable {
    public let events: [EventRecord]
    public let droppedThrough: Int?

    public init(events: [EventRecord], droppedThrough: Int?) {
        self.events = events
        self.droppedThrough = droppedThrough
    }
}

extension SandboxRuntime {
    /// Events after `after`, oldest first: of `token`'s tenant, or of every tenant when nil.
    /// A plain read: no due work is applied (callers that want it use `perform` first).
    public func events(token: String?, after: Int, limit: Int) throws -> EventBatch {
        try database.read { connection in
            let select = "SELECT e.*, t.token FROM events e JOIN tenants t ON t.id = e.tenant_id"
            let events: [EventRecord]
            let dropped: Int
            if let token {
                events = try connection.query(
                    select + " WHERE t.token = ? AND e.id > ? ORDER BY e.id LIMIT ?", [token, after, limit]
                ).map(EventRecord.init(row:))
                dropped = try connection.first(
                    "SELECT events_dropped_through AS dropped FROM tenants WHERE token = ?", token)?.int("dropped") ?? 0
            } else {
                events = try connection.query(select + " WHERE e.id > ? ORDER BY e.id LIMIT ?", [after, limit])
                    .map(EventRecord.init(row:))
                dropped = try connection.first(
                    "SELECT coalesce(max(events_dropped_through), 0) AS dropped FROM tenants")?.int("dropped") ?? 0
            }
            return EventBatch(events: events, droppedThrough: dropped > after ? dropped : nil)
        }
    }
}
