import SQLiteStore
import SandboxCore

/// Where a deployment stands. `completed`, `failed` and `cancelled` are final: the CLI's
/// `vps deploy` polls until it sees one of them.
public enum DeploymentStatus: String, Sendable, CaseIterable {
    case pending, running, completed, failed, cancelled

    public var hasEnded: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// One run of a deploy config on its server: the visible side of a job of the shared job
/// machinery (kind `vpsorg.deployment`), whose steps fall due on the tenant's clock.
public struct Deployment: Sendable {
    public static let resourceType = "vpsorg_deployment"

    public let id: Int
    public let uuid: String
    public let configId: Int
    public let configUUID: String
    public let jobId: Int
    /// The config's name, the server and the app type as they were when the deployment started.
    public let configName: String
    public let serverUUID: String
    public let serverHostname: String
    public let appType: AppType
    public let gitBranch: String
    public let gitCommit: String
    public var status: DeploymentStatus
    /// Why a failed deployment failed; empty otherwise.
    public var errorMessage: String
    public let createdAt: Int64
    public var startedAt: Int64?
    public var endedAt: Int64?

    /// Seconds from the first step (or the request, if none ran) to the end; nil while running.
    public var duration: Double? {
        endedAt.map { Double($0 - (startedAt ?? createdAt)) / 1000 }
    }
}

/// Reading and writing `vpsorg_deployments`, always within the context's tenant.
extension Deployment {
    static let select = """
        SELECT d.*, c.uuid AS config_uuid FROM vpsorg_deployments d JOIN vpsorg_deploy_configs c ON c.id = d.config_id
        """

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        configId = try row.int("config_id")
        configUUID = try row.string("config_uuid")
        jobId = try row.int("job_id")
        configName = try row.string("config_name")
        serverUUID = try row.string("server_uuid")
        serverHostname = try row.string("server_hostname")
        appType = try row.value("app_type", as: AppType.self)
        gitBranch = try row.string("git_branch")
        gitCommit = try row.string("git_commit")
        status = try row.value("status", as: DeploymentStatus.self)
        errorMessage = try row.string("error_message")
        createdAt = try row.int64("created_at")
        startedAt = try row.optionalInt("started_at").map(Int64.init)
        endedAt = try row.optionalInt("ended_at").map(Int64.init)
    }

    static func find(uuid: String, in context: TenantContext) throws -> Deployment {
        guard let row = try context.connection.first(
            select + " WHERE d.tenant_id = ? AND d.uuid = ?", context.tenantId, uuid.lowercased())
        else { throw DomainError.notFound("Not found.") }
        return try Deployment(row: row)
    }

    static func find(jobId: Int, in context: TenantContext) throws -> Deployment? {
        try context.connection.first(select + " WHERE d.tenant_id = ? AND d.job_id = ?", context.tenantId, jobId)
            .map(Deployment.init(row:))
    }

    func insert(in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO vpsorg_deployments (id, tenant_id, uuid, config_id, job_id, config_name, server_uuid, server_hostname,
                app_type, git_branch, git_commit, status, error_message, created_at, started_at, ended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, context.tenantId, uuid, configId, jobId, configName, serverUUID, serverHostname, appType.rawValue, gitBranch,
            gitCommit, status.rawValue, errorMessage, createdAt, startedAt, endedAt)
    }

    func save(in context: TenantContext) throws {
        try context.connection.run(
            "UPDATE vpsorg_deployments SET status = ?, error_message = ?, started_at = ?, ended_at = ? WHERE tenant_id = ? AND id = ?",
            status.rawValue, errorMessage, startedAt, endedAt, context.tenantId, id)
    }
}

/// Which deployments a list shows.
public struct DeploymentFilter: Sendable {
    public var configUUID: String?
    public var status: DeploymentStatus?

    public init(configUUID: String? = nil, status: DeploymentStatus? = nil) {
        self.configUUID = configUUID
        self.status = status
    }
}

extension VPSOrgModel {
    public func deployment(_ uuid: String, in context: TenantContext) throws -> Deployment {
        try Deployment.find(uuid: uuid, in: context)
    }

    private static let filtered = " WHERE d.tenant_id = ? AND (? IS NULL OR c.uuid = ?) AND (? IS NULL OR d.status = ?)"

    public func countDeployments(_ filter: DeploymentFilter, in context: TenantContext) throws -> Int {
        try context.connection.first(
            "SELECT COUNT(*) AS total FROM vpsorg_deployments d JOIN vpsorg_deploy_configs c ON c.id = d.config_id" + Self.filtered,
            context.tenantId, filter.configUUID, filter.configUUID, filter.status?.rawValue, filter.status?.rawValue
        )?.int("total") ?? 0
    }

    /// The newest first: the CLI's `vps logs` takes the first as the latest.
    public func deployments(_ filter: DeploymentFilter, offset: Int, limit: Int, in context: TenantContext) throws -> [Deployment] {
        try context.connection.query(
            Deployment.select + Self.filtered + " ORDER BY d.id DESC LIMIT ? OFFSET ?",
            [context.tenantId, filter.configUUID, filter.configUUID, filter.status?.rawValue, filter.status?.rawValue, limit, offset]
        ).map(Deployment.init(row:))
    }
}
