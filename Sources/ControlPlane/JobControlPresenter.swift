import APIKit
import ResellerAPI
import SandboxCore

/// Jobs and timers as the control plane shows them, each job's progress at the tenant's present.
enum JobControlPresenter {
    typealias JobAt = (job: JobRecord, now: Int64)

    /// The reseller API's job shapes: every job kind is the reseller API's.
    static let status = JobPresenter.status
    static let output = JobPresenter.output

    static let job = Presenter<JobAt>.object(
        "SandboxJob",
        [
            .int("id", .id) { $0.job.id }, .string("kind") { $0.job.kind }, .string("resourceType") { $0.job.resourceType },
            .int("resourceId") { $0.job.resourceId },
            PresentedProperty("status", status) { .string($0.job.status.rawValue) },
            .int("progress", .integer(minimum: 0, maximum: 100)) { $0.job.progress(at: $0.now) },
            .string("createdAt", .dateTime) { Timestamp.iso8601($0.job.createdAt) },
            .string("startsAt", .dateTime) { Timestamp.iso8601($0.job.startsAt) },
            .string("finishesAt", .dateTime) { Timestamp.iso8601($0.job.finishesAt) },
            PresentedProperty("endedAt", Schema.dateTime.orNull) { .string($0.job.endedAt.map(Timestamp.iso8601)) },
            PresentedProperty("output", output) { $0.job.output ?? .null },
        ])

    static let timer = Presenter<DueTimer>.object(
        "SandboxTimer",
        [
            .int("id", .id) { $0.id }, .string("kind") { $0.kind }, .string("dueAt", .dateTime) { Timestamp.iso8601($0.dueAt) },
            PresentedProperty("resourceType", Schema.text.orNull) { .string($0.resourceType) },
            PresentedProperty("resourceId", Schema.int.orNull) { $0.resourceId.map { .int(Int64($0)) } ?? .null },
            PresentedProperty("jobId", Schema.id.orNull) { $0.jobId.map { .int(Int64($0)) } ?? .null },
            PresentedProperty("payload", Schema.map(.any).described("What the timer's kind stored for when it falls due")) { $0.payload },
        ])

    /// `GET /jobs`: the tenant's present, its jobs and its pending timers.
    typealias Listing = (now: Int64, jobs: [JobRecord], timers: [DueTimer])

    static let listing = Presenter<Listing>.object(
        [
            .string("now", .dateTime) { Timestamp.iso8601($0.now) },
            .nested("jobs", job.list) { listing in listing.jobs.map { ($0, listing.now) } },
            .nested("timers", timer.list) { $0.timers },
        ])
}
