import APIKit
import SandboxCore

/// A page of the event stream as `GET /events` answers it.
enum EventPresenter {
    /// A page, read after `after`; `all`: of every tenant, so each event names its tenant.
    struct Page: Sendable {
        let batch: EventBatch
        let after: Int
        let all: Bool

        /// The cursor to ask from next.
        var last: Int { batch.events.last?.id ?? max(after, batch.droppedThrough ?? after) }
    }

    typealias Event = (record: EventRecord, all: Bool)

    static let event = Presenter<Event>.object(
        "SandboxEvent",
        [
            .int("id", .id) { $0.record.id }, .string("resourceType") { $0.record.resourceType },
            .int("resourceId") { $0.record.resourceId },
            PresentedProperty("from", Schema.text.orNull.described("null when the resource was created")) { .string($0.record.from) },
            .string("to") { $0.record.to },
            .string("at", Schema.dateTime.described("The tenant's sandbox time of the change")) { Timestamp.iso8601($0.record.at) },
            PresentedProperty("jobId", Schema.id.orNull) { $0.record.jobId.map { .int(Int64($0)) } ?? .null },
            .optional("tenant", Schema.text.described("The tenant's label; only with ?all=true")) { event in
                event.all ? .string(TenantLabel.of(event.record.token)) : nil
            },
        ])

    /// `dropped` says whether retention deleted events after the cursor (then `droppedThrough`
    /// is the newest id it dropped); `last` is the cursor to ask from next.
    static let page = Presenter<Page>.object(
        "SandboxEventPage",
        [
            .nested("events", event.list) { page in page.batch.events.map { ($0, page.all) } },
            .int("last", .integer(minimum: 0)) { $0.last },
            .bool("dropped") { $0.batch.droppedThrough != nil },
            .optional("droppedThrough", .integer(minimum: 0)) { $0.batch.droppedThrough.map { .int(Int64($0)) } },
        ])
}
