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

    /// What a finished job made (by kind: a VM's access, a backup's stamp, a dedicated
    /// server's template), or the reason a failed one gives.
    public static let output = Schema.nullable(
        .oneOf([
            .text.described("A failed job's reason, or what a software or restore job did"),
            .named(
                "JobResult",
                .object([
                    Schema.Property("id", .id, required: false), Schema.Property("hostname", .text, required: false),
                    Schema.Property("ips", .array(.ipAddress), required: false),
                    Schema.Property("password", .text, required: false),
                    Schema.Property("template", .text, required: false),
                    Schema.Property("server", .id, required: false), Schema.Property("backup", .int, required: false),
                    Schema.Property("serverId", .id, required: false),
                ])),
        ]))

    static let state = Presenter<JobProgress>.object(
        "Job",
        [
            PresentedProperty("status", status) { .string($0.status.rawValue) },
            .int("progress", .integer(minimum: 0, maximum: 100)) { $0.progress },
            PresentedProperty("output", output) { $0.output ?? .null },
        ])
}
