import APIKit
import HTTP1
import SandboxCore
import StructuredData
import VPSOrg

/// A server action as the action endpoints answer it, the server's detail lists those in
/// progress and `GET /servers/{id}/actions/` lists them all. Inferred: the clients print
/// whatever keys come back (`format_generic`).
enum ServerActionPresenter {
    static let item = Presenter<ServerAction>.object(
        "VPSOrgServerAction",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid },
            .string("type", .choice(ServerAction.Kind.allCases.map(\.rawValue))) { $0.kind.rawValue },
            .string("status", .choice(ServerAction.Status.allCases.map(\.rawValue))) { $0.status.rawValue },
            .int("progress", .integer(minimum: 0, maximum: 100).described("Percent done")) { $0.progress },
            .string("server_uuid", .string(format: "uuid")) { $0.serverUUID },
            .optional("backup_uuid", .string(format: "uuid")) { $0.kind == .backup ? $0.target.map { .string($0) } : nil },
            .optional("snapshot_uuid", .string(format: "uuid")) { $0.kind == .snapshot ? $0.target.map { .string($0) } : nil },
            .optional("plan", .string(format: "uuid").described("The new plan's uuid")) {
                $0.kind == .resize ? $0.target.map { .string($0) } : nil
            },
            PresentedProperty("job_id", Schema.id.orNull.described("The sandbox job (GET /_sandbox/jobs)")) {
                $0.jobId.map { .int(Int64($0)) } ?? .null
            },
            PresentedProperty("error", Schema.text.orNull) { $0.error.map { .string($0) } ?? .null },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            PresentedProperty("completed_at", Schema.dateTime.orNull) { $0.completedAt.map { .string(Timestamp.iso8601($0)) } ?? .null },
        ])

    static let page = PagePresenter.page("VPSOrgServerActionPage", item)

    /// 202 Accepted: the work has begun, not ended.
    static let accepted = Answer.json(item, status: HTTPStatus(code: 202), "Started; the action runs on the tenant's clock")
}
