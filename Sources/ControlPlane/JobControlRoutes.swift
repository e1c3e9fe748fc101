import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// Forced outcomes: list the tenant's jobs and pending timers, finish or fail a job now.
enum JobControlRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.GET, "/jobs", "List the tenant's jobs and pending timers with their due times") { request in
                guard !request.http.wantsAll else {
                    throw DomainError.invalid("all", "jobs are listed per tenant: send that tenant's Bearer token instead of ?all=true")
                }
                let context = request.context
                let active = try request.queryFields().bool("active") ?? false
                let timers = try context.pendingTimers()
                return .json([
                    "now": .string(Timestamp.iso8601(context.now)),
                    "jobs": .array(try context.jobs(activeOnly: active).map { render($0, now: context.now) }),
                    "timers": .array(timers.map(render)),
                ])
            },
            .tenant(.POST, "/jobs/{id:int}/complete", "Finish an active job now") { request in
                let job = try activeJob(request)
                try request.context.completeJob(job.id)
                return .json(try outcome(job.id, in: request.context))
            },
            .tenant(.POST, "/jobs/{id:int}/fail", "Fail an active job now with an output text") { request in
                let fields = try request.fields()
                let output = try fields.string("output") ?? "Failed by the sandbox control plane."
                guard output.utf8.count <= 10_000 else {
                    throw DomainError.invalid("output", "output must be a text of at most 10000 bytes")
                }
                let job = try activeJob(request)
                try request.context.failJob(job.id, output: output)
                return .json(try outcome(job.id, in: request.context))
            },
        ]
    }

    private static func activeJob(_ request: APIRequest) throws -> JobRecord {
        let id = request.intParameter("id")
        guard let job = try request.context.job(id) else { throw DomainError.notFound("Job \(id) not found.") }
        guard job.isActive else { throw DomainError.conflict("Job \(id) has already ended (\(job.status.rawValue)).") }
        return job
    }

    /// The job after a forced outcome; a job whose kind no model handles stays active.
    private static func outcome(_ id: Int, in context: TenantContext) throws -> JSONValue {
        guard let job = try context.job(id) else { throw DomainError.notFound("Job \(id) not found.") }
        guard !job.isActive else {
            throw DomainError.conflict("Job \(id) has kind \(job.kind), which no model of this sandbox handles.")
        }
        return render(job, now: context.now)
    }

    static func render(_ job: JobRecord, now: Int64) -> JSONValue {
        [
            "id": .int(job.id), "kind": .string(job.kind), "resourceType": .string(job.resourceType),
            "resourceId": .int(job.resourceId), "status": .string(job.status.rawValue),
            "progress": .int(job.progress(at: now)), "createdAt": .string(Timestamp.iso8601(job.createdAt)),
            "startsAt": .string(Timestamp.iso8601(job.startsAt)), "finishesAt": .string(Timestamp.iso8601(job.finishesAt)),
            "endedAt": .string(job.endedAt.map(Timestamp.iso8601)), "output": job.output ?? .null,
        ]
    }

    static func render(_ timer: DueTimer) -> JSONValue {
        [
            "id": .int(timer.id), "kind": .string(timer.kind), "dueAt": .string(Timestamp.iso8601(timer.dueAt)),
            "resourceType": .string(timer.resourceType), "resourceId": timer.resourceId.map { .int($0) } ?? .null,
            "jobId": timer.jobId.map { .int($0) } ?? .null, "payload": timer.payload,
        ]
    }
}
