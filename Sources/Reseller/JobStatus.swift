import SandboxCore
import StructuredData

/// `GET /job/{jobId}`: a job as the reseller API shows it.
public enum JobStatus {
    public static func describe(_ jobId: Int, in context: TenantContext) throws -> JSONValue {
        guard let job = try context.jobState(jobId) else { throw DomainError.notFound("Job \(jobId) not found") }
        return [
            "status": .string(job.status.rawValue),
            "progress": .int(job.progress(at: context.now)),
            "output": job.output ?? .null,
        ]
    }

    /// The documented answer to anything that starts a job.
    public static func queued(_ job: JobRecord) -> JSONValue {
        ["status": .string(job.status.rawValue), "jobId": .int(job.id), "progress": 0]
    }
}
