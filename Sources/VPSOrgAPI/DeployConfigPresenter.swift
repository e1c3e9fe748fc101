import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// A deploy config as the CLI reads it (`uuid`; in lists `server_uuid` and `server_hostname`
/// to find the linked server's config), with every field it posts.
enum DeployConfigPresenter {
    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    static let config = Presenter<DeployConfig>.object(
        "VPSOrgDeployConfig",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid },
            .string("server_uuid", .string(format: "uuid")) { $0.serverUUID },
            .string("server_hostname") { $0.serverHostname },
            .string("name") { $0.name },
            PresentedProperty("app_type", .choice(AppType.allCases.map(\.rawValue))) { .string($0.settings.appType.rawValue) },
            .string("runtime_version") { $0.settings.runtimeVersion },
            .string("start_command") { $0.settings.startCommand },
            PresentedProperty("build_commands", .array(.text)) { strings($0.settings.buildCommands) },
            .string("domain") { $0.settings.domain },
            .int("port", .integer(minimum: 1, maximum: 65535)) { $0.settings.port },
            .string("deploy_path") { $0.settings.deployPath },
            PresentedProperty("exclude_paths", .array(.text)) { strings($0.settings.excludePaths) },
            .string("git_repo") { $0.settings.gitRepo },
            .string("git_branch") { $0.settings.gitBranch },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.updatedAt) },
        ])

    static let page = PagePresenter.page("VPSOrgDeployConfigPage", config)
}
