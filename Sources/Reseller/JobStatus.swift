import SandboxCore
import StructuredData

/// `GET /job/{jobId}`: where a job of the tenant stands.
public enum JobStatus {
    public static func describe(_ jobId: Int, in context: TenantContext) throws -> JobProgress {
        guard let job = try context.jobState(jobId) else { throw DomainError.notFound("Job \(jobId) not found") }
        return JobProgress(status: job.status, progress: job.progress(at: context.now), outcome: try JobOutcome(stored: job.output))
    }
}

/// A job as its owner sees it: status, progress in percent and, once ended, its output
/// (what the job made, or why it failed).
public struct JobProgress: Sendable {
    public let status: JobRecord.Status
    public let progress: Int
    public let outcome: JobOutcome?
}
