import APIKit
import HTTP1
import Reseller
import SandboxCore
import StructuredData

/// Jobs as the reseller API shows them: the answer to anything that starts one, and `GET /job/{id}`.
public enum JobPresenter {
    public static let status = Schema.named("JobStatus", .choice(JobRecord.Status.allCases.map(\.rawValue)))

    /// `{"status": "queued", "jobId": 12, "progress": 0}`.
    static let queued = Presenter<JobRecord>.object(
        "QueuedJob",
        [
            PresentedProperty("status", status) { .string($0.status.rawValue) },
            .int("jobId", .id) { $0.id },
            .int("progress", .integer(minimum: 0, maximum: 100)) { _ in 0 },
        ])

    /// The answer to anything that starts a job, linked to the job's status (generated
    /// clients and schemathesis' stateful runs follow it).
    static let started = ResellerAPI.result(queued, "The job is queued").linking([
        AnswerLink("GetJob", .GET, ResellerAPI.prefix + "/job/{jobId:int}", [("jobId", "$response.body#/result/jobId")])
    ])

    /// What a finished job made: a VM's access, a backup's stamp, a dedicated server's
    /// template, the server a BYOD build became.
    static let result = Presenter<JobResult>.object(
        "JobResult",
        [
            .optional("id", .id) { $0.serverId.map { .int(Int64($0)) } },
            .optional("hostname", .text) { $0.hostname.map { .string($0) } },
            .optional("ips", .array(.ipAddress)) { $0.addresses.map { .array($0.map { .string($0) }) } },
            .optional("password", .text) { $0.password.map { .string($0) } },
            .optional("template", .text) { $0.template.map { .string($0) } },
            .optional("server", .id) { $0.backedUpServer.map { .int(Int64($0)) } },
            .optional("backup", .int) { $0.backup.map { .int($0) } },
            .optional("serverId", .id) { $0.builtServer.map { .int(Int64($0)) } },
        ])

    /// Null while the job runs; then what it made, or a sentence.
    public static let output = Schema.nullable(
        .oneOf([.text.described("A failed job's reason, or what a software or restore job did"), result.schema]))

    static let outcome = Presenter<JobOutcome?>(schema: output) { outcome, out in
        switch outcome {
        case nil: JSONWriter.write(.null, into: &out)
        case .message(let text)?: JSONWriter.writeString(text, into: &out)
        case .made(let made)?: result.write(made, &out)
        }
    }

    static let state = Presenter<JobProgress>.object(
        "Job",
        [
            PresentedProperty("status", status) { .string($0.status.rawValue) },
            .int("progress", .integer(minimum: 0, maximum: 100)) { $0.progress },
            .nested("output", outcome) { $0.outcome },
        ])
}
