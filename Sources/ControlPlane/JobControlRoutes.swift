import APIKit
import HTTP1
import SandboxCore

/// Forced outcomes: list the tenant's jobs and pending timers, finish or fail a job now.
enum JobControlRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(
                .GET, "/jobs", "List the tenant's jobs and pending timers with their due times", input: JobControlInput.list,
                answer: .json(JobControlPresenter.listing)
            ) { request, input in
                let context = request.context
                let timers = try context.pendingTimers()
                return (context.now, try context.jobs(activeOnly: input[JobControlInput.active] ?? false), timers)
            },
            .tenant(.POST, "/jobs/{id:int}/complete", "Finish an active job now", answer: .json(JobControlPresenter.job)) { request, _ in
                let job = try activeJob(request)
                try request.context.completeJob(job.id)
                return try outcome(job.id, in: request.context)
            },
            .tenant(
                .POST, "/jobs/{id:int}/fail", "Fail an active job now with an output text", input: JobControlInput.fail,
                answer: .json(JobControlPresenter.job)
            ) { request, input in
                let job = try activeJob(request)
                try request.context.failJob(job.id, output: input[JobControlInput.output] ?? "Failed by the sandbox control plane.")
                return try outcome(job.id, in: request.context)
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
    private static func outcome(_ id: Int, in context: TenantContext) throws -> JobControlPresenter.JobAt {
        guard let job = try context.job(id) else { throw DomainError.notFound("Job \(id) not found.") }
        guard !job.isActive else {
            throw DomainError.conflict("Job \(id) has kind \(job.kind), which no model of this sandbox handles.")
        }
        return (job, context.now)
    }
}
