import SQLiteStore
import SandboxCore

/// One step of a deployment as its log shows it: written when the step starts, finished
/// when it ends. Steps not yet reached have no entry.
public struct DeploymentLog: Sendable {
    /// `running` while the step runs; `skipped` for a step with nothing to do (no build
    /// commands); `cancelled` for the step a cancel interrupted.
    public enum Status: String, Sendable, CaseIterable {
        case running, completed, failed, skipped, cancelled
    }

    public let position: Int
    public let step: String
    public var status: Status
    public var message: String
    public var output: String
    public let startedAt: Int64
    public var endedAt: Int64?
}

extension DeploymentLog {
    init(row: Row) throws {
        position = try row.int("position")
        step = try row.string("step")
        status = try row.value("status", as: Status.self)
        message = try row.string("message")
        output = try row.string("output")
        startedAt = try row.int64("started_at")
        endedAt = try row.optionalInt("ended_at").map(Int64.init)
    }

    static func all(of deploymentId: Int, in context: TenantContext) throws -> [DeploymentLog] {
        try context.connection.query(
            "SELECT * FROM vpsorg_deployment_logs WHERE tenant_id = ? AND deployment_id = ? ORDER BY position",
            [context.tenantId, deploymentId]
        ).map(DeploymentLog.init(row:))
    }

    func insert(deploymentId: Int, in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO vpsorg_deployment_logs (tenant_id, deployment_id, position, step, status, message, output, started_at, ended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            context.tenantId, deploymentId, position, step, status.rawValue, message, output, startedAt, endedAt)
    }

    func save(deploymentId: Int, in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE vpsorg_deployment_logs SET status = ?, message = ?, output = ?, ended_at = ?
            WHERE tenant_id = ? AND deployment_id = ? AND position = ?
            """,
            status.rawValue, message, output, endedAt, context.tenantId, deploymentId, position)
    }
}

extension VPSOrgModel {
    public func deploymentLogs(_ deployment: Deployment, in context: TenantContext) throws -> [DeploymentLog] {
        try DeploymentLog.all(of: deployment.id, in: context)
    }
}
