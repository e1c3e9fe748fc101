import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// Deployments as the CLI reads them: `uuid`, `status`, `config_name`, `server_hostname`,
/// `created_at`, `duration` (seconds, null until it ends), `error_message`, and in the
/// detail the `logs` it prints step by step.
enum DeploymentPresenter {
    static let status = Schema.named("VPSOrgDeploymentStatus", .choice(DeploymentStatus.allCases.map(\.rawValue)))

    static let log = Presenter<DeploymentLog>.object(
        "VPSOrgDeploymentLog",
        [
            .string("step") { $0.step },
            PresentedProperty("status", .choice(DeploymentLog.Status.allCases.map(\.rawValue))) { .string($0.status.rawValue) },
            .string("message") { $0.message },
            .string("output") { $0.output },
            .string("started_at", .dateTime) { Timestamp.iso8601($0.startedAt) },
            PresentedProperty("finished_at", Schema.dateTime.orNull) { .string($0.endedAt.map(Timestamp.iso8601)) },
        ])

    /// The deployment's fields, of anything that holds one.
    private static func fields<Subject>(_ of: @escaping @Sendable (Subject) -> Deployment) -> [PresentedProperty<Subject>] {
        [
            .string("uuid", .string(format: "uuid")) { of($0).uuid },
            PresentedProperty("status", status) { .string(of($0).status.rawValue) },
            .string("config_uuid", .string(format: "uuid")) { of($0).configUUID },
            .string("config_name") { of($0).configName },
            .string("server_uuid", .string(format: "uuid")) { of($0).serverUUID },
            .string("server_hostname") { of($0).serverHostname },
            PresentedProperty("app_type", .choice(AppType.allCases.map(\.rawValue))) { .string(of($0).appType.rawValue) },
            .string("git_branch") { of($0).gitBranch },
            .string("git_commit") { of($0).gitCommit },
            .string("error_message") { of($0).errorMessage },
            .string("created_at", .dateTime) { Timestamp.iso8601(of($0).createdAt) },
            PresentedProperty("started_at", Schema.dateTime.orNull) { .string(of($0).startedAt.map(Timestamp.iso8601)) },
            PresentedProperty("finished_at", Schema.dateTime.orNull) { .string(of($0).endedAt.map(Timestamp.iso8601)) },
            PresentedProperty("duration", Schema.number(minimum: 0).orNull.described("Seconds; null until it ends")) {
                of($0).duration.map { .double($0) } ?? .null
            },
        ]
    }

    static let summary = Presenter<Deployment>.object("VPSOrgDeploymentSummary", fields { $0 })

    typealias WithLogs = (deployment: Deployment, logs: [DeploymentLog])

    static let detail = Presenter<WithLogs>.object(
        "VPSOrgDeployment",
        fields { (whole: WithLogs) in whole.deployment } + [.nested("logs", log.list) { $0.logs }])

    static let page = PagePresenter.page("VPSOrgDeploymentPage", summary)
}
