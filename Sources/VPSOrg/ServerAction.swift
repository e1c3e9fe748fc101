import SQLiteStore
import SandboxCore
import StructuredData

/// Work on a server that the clients start (`power`, `backup`, `snapshot`, `resize`) and that
/// takes time on the tenant's clock. Each runs as a job of the sandbox's job machinery (so the
/// control plane lists it and can finish or fail it); the row keeps its uuid, type and outcome.
public struct ServerAction: Sendable {
    public static let resourceType = "vpsorg_action"

    public enum Kind: String, Sendable, CaseIterable {
        case start = "power_start", stop = "power_stop", restart = "power_restart", hardStop = "power_hard_stop"
        case backup, snapshot, resize
    }

    public enum Status: String, Sendable, CaseIterable {
        case pending, inProgress = "in_progress", completed, failed

        public var hasEnded: Bool { self == .completed || self == .failed }
    }

    public let id: Int
    public let uuid: String
    public let serverId: Int
    public let serverUUID: String
    public let kind: Kind
    /// While the job runs: queued is `pending`, running `in_progress`.
    public let status: Status
    /// 0 to 100, rising with the tenant's clock while the job runs.
    public let progress: Int
    public let jobId: Int?
    /// What the action works on: the backup's or snapshot's uuid, or the new plan's uuid.
    public let target: String?
    /// Why a failed action failed.
    public let error: String?
    public let createdAt: Int64
    public let completedAt: Int64?

    static let select = """
        SELECT a.*, s.uuid AS server_uuid FROM vpsorg_server_actions a JOIN vpsorg_servers s ON s.id = a.server_id
        """

    /// The row as stored, its status and progress read from the job while that is active.
    init(row: Row, in context: TenantContext) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        serverId = try row.int("server_id")
        serverUUID = try row.string("server_uuid")
        kind = try row.value("type", as: Kind.self)
        jobId = try row.optionalInt("job_id")
        target = try row.optionalString("target")
        error = try row.optionalString("error")
        createdAt = try row.int64("created_at")
        completedAt = try row.optionalInt("completed_at").map(Int64.init)
        let stored = try row.value("status", as: Status.self)
        if !stored.hasEnded, let jobId, let job = try context.jobState(jobId) {
            status = job.status == .queued ? .pending : .inProgress
            progress = job.progress(at: context.now)
        } else {
            status = stored
            progress = stored == .completed ? 100 : 0
        }
    }

    static func find(id: Int, in context: TenantContext) throws -> ServerAction? {
        try context.connection.first(select + " WHERE a.tenant_id = ? AND a.id = ?", context.tenantId, id)
            .map { try ServerAction(row: $0, in: context) }
    }

    static func count(of serverId: Int, in context: TenantContext) throws -> Int {
        try context.connection.first(
            "SELECT COUNT(*) AS total FROM vpsorg_server_actions WHERE tenant_id = ? AND server_id = ?", context.tenantId, serverId
        )?.int("total") ?? 0
    }

    /// The server's actions, newest first; `activeOnly`: those not ended.
    static func list(of serverId: Int, activeOnly: Bool = false, offset: Int = 0, limit: Int = Int(Int32.max), in context: TenantContext)
        throws -> [ServerAction]
    {
        let active = activeOnly ? " AND a.status IN ('pending', 'in_progress')" : ""
        return try context.connection.query(
            select + " WHERE a.tenant_id = ? AND a.server_id = ?\(active) ORDER BY a.id DESC LIMIT ? OFFSET ?",
            [context.tenantId, serverId, limit, offset]
        ).map { try ServerAction(row: $0, in: context) }
    }

    /// Records a new action and starts its job; the job's payload names the action.
    static func begin(
        _ kind: Kind, on server: VPSServer, job: String, runsFor: Int64, target: String? = nil,
        payload: [(String, JSONValue)] = [], in context: TenantContext
    ) throws -> ServerAction {
        let uuid = context.random.uuid()
        try context.connection.run(
            """
            INSERT INTO vpsorg_server_actions (uuid, tenant_id, server_id, type, status, target, created_at)
            VALUES (?, ?, ?, ?, 'pending', ?, ?)
            """, uuid, context.tenantId, server.id, kind.rawValue, target, context.now)
        let id = Int(context.connection.lastInsertedRowID)
        let started = try context.startJob(
            job, resourceType: VPSServer.resourceType, resourceId: server.id, queuedFor: 1_000, runsFor: runsFor,
            payload: .object(JSONObject([("action", .int(Int64(id)))] + payload)))
        try context.connection.run("UPDATE vpsorg_server_actions SET job_id = ? WHERE id = ?", started.id, id)
        try context.recordTransition(resourceType: resourceType, resourceId: id, from: nil, to: Status.pending.rawValue, jobId: started.id)
        guard let action = try find(id: id, in: context) else { throw DomainError.notFound("Not found.") }
        return action
    }

    /// Ends the action; false when it had ended already (an interrupted action's job failing after).
    @discardableResult
    static func end(_ id: Int, _ status: Status, error: String? = nil, jobId: Int?, in context: TenantContext) throws -> Bool {
        guard let action = try find(id: id, in: context), !action.status.hasEnded else { return false }
        try context.connection.run(
            "UPDATE vpsorg_server_actions SET status = ?, error = ?, completed_at = ? WHERE id = ?",
            status.rawValue, error, context.now, id)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: action.status.rawValue, to: status.rawValue, jobId: jobId)
        return true
    }
}

extension VPSOrgModel {
    /// `GET /servers/{id}/actions/`: the server's actions, newest first.
    public func actions(of reference: ServerReference, offset: Int, limit: Int, in context: TenantContext) throws -> [ServerAction] {
        try ServerAction.list(of: VPSServer.find(reference, in: context).id, offset: offset, limit: limit, in: context)
    }

    public func countActions(of reference: ServerReference, in context: TenantContext) throws -> Int {
        try ServerAction.count(of: VPSServer.find(reference, in: context).id, in: context)
    }

    /// The server's actions still in progress, as its detail shows them.
    public func activeActions(of server: VPSServer, in context: TenantContext) throws -> [ServerAction] {
        try ServerAction.list(of: server.id, activeOnly: true, in: context)
    }
}
