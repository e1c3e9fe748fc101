import SQLiteStore
import SandboxCore
import StructuredData

/// A backup or a snapshot of a server (`vpsorg_server_backups`), made by the clients'
/// `POST /servers/{id}/backup/` and `/snapshot/ {label?}`: `creating` while its action's job
/// runs, then `available` with the disk's size at that time, or `failed`. Neither the
/// document nor the clients read them back; they are listed DRF-style under the server.
public struct ServerBackup: Sendable {
    public static let resourceType = "vpsorg_backup"

    public enum Kind: String, Sendable, CaseIterable { case backup, snapshot }
    public enum Status: String, Sendable, CaseIterable { case creating, available, failed }

    public let id: Int
    public let uuid: String
    public let serverUUID: String
    public let kind: Kind
    public let label: String?
    public let status: Status
    /// GB of disk it holds; 0 until it is available.
    public let sizeGB: Int
    public let createdAt: Int64
    public let completedAt: Int64?

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        serverUUID = try row.string("server_uuid")
        kind = try row.value("kind", as: Kind.self)
        label = try row.optionalString("label")
        status = try row.value("status", as: Status.self)
        sizeGB = try row.int("size_gb")
        createdAt = try row.int64("created_at")
        completedAt = try row.optionalInt("completed_at").map(Int64.init)
    }

    static let select = """
        SELECT b.*, s.uuid AS server_uuid FROM vpsorg_server_backups b JOIN vpsorg_servers s ON s.id = b.server_id
        """
}

/// Taking backups and snapshots: one at a time per server, of an active or stopped server.
enum ServerBackups {
    static let job = "vpsorg.server.backup"
    static let backupMillis: ClosedRange<Int> = 120_000...300_000
    static let snapshotMillis: ClosedRange<Int> = 30_000...90_000

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(job, complete: finish, fail: failed))
    }

    static func begin(_ kind: ServerBackup.Kind, of reference: ServerReference, label: String?, in context: TenantContext) throws
        -> ServerAction
    {
        let server = try VPSServer.find(reference, in: context)
        guard server.status == .active || server.status == .stopped else {
            throw DomainError.conflict("Server must be active or stopped for a \(kind.rawValue); it is \(server.status.rawValue).")
        }
        if try context.jobs(resourceType: VPSServer.resourceType, resourceId: server.id, activeOnly: true)
            .contains(where: { $0.kind == job })
        {
            throw DomainError.conflict("A backup or snapshot of this server is in progress; wait until it has finished.")
        }
        let uuid = context.random.uuid()
        try context.connection.run(
            """
            INSERT INTO vpsorg_server_backups (uuid, tenant_id, server_id, kind, label, status, size_gb, created_at)
            VALUES (?, ?, ?, ?, ?, 'creating', 0, ?)
            """, uuid, context.tenantId, server.id, kind.rawValue, label, context.now)
        let backupId = Int(context.connection.lastInsertedRowID)
        let millis = kind == .backup ? backupMillis : snapshotMillis
        let action = try ServerAction.begin(
            kind == .backup ? .backup : .snapshot, on: server, job: job, runsFor: Int64(context.random.int(in: millis)),
            target: uuid, payload: [("backup", .int(Int64(backupId)))], in: context)
        try context.recordTransition(
            resourceType: ServerBackup.resourceType, resourceId: backupId, from: nil, to: ServerBackup.Status.creating.rawValue,
            jobId: action.jobId)
        return action
    }

    @Sendable static func finish(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        guard let id = job.payload["action"]?.intValue, let backup = job.payload["backup"]?.intValue,
            try ServerAction.end(Int(id), .completed, jobId: job.id, in: context)
        else { return .string("Interrupted") }
        let server = try VPSServer.find(job.resourceId, in: context)
        let size = max(1, ResourceUsage(of: server, at: context.now).diskUsed)
        try set(Int(backup), .available, size: size, job: job, in: context)
        return .string("Backup \(backup) of server \(server.id) is available (\(size) GB)")
    }

    @Sendable static func failed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        guard let id = job.payload["action"]?.intValue, let backup = job.payload["backup"]?.intValue,
            try ServerAction.end(Int(id), .failed, error: reason, jobId: job.id, in: context)
        else { return }
        try set(Int(backup), .failed, size: 0, job: job, in: context)
    }

    private static func set(_ id: Int, _ status: ServerBackup.Status, size: Int, job: JobRecord, in context: TenantContext) throws {
        try context.connection.run(
            "UPDATE vpsorg_server_backups SET status = ?, size_gb = ?, completed_at = ? WHERE tenant_id = ? AND id = ?",
            status.rawValue, size, context.now, context.tenantId, id)
        try context.recordTransition(
            resourceType: ServerBackup.resourceType, resourceId: id, from: ServerBackup.Status.creating.rawValue, to: status.rawValue,
            jobId: job.id)
    }
}

extension VPSOrgModel {
    /// `POST /servers/{id}/backup/` and `/snapshot/`.
    public func takeBackup(_ kind: ServerBackup.Kind, of reference: ServerReference, label: String?, in context: TenantContext) throws
        -> ServerAction
    {
        try ServerBackups.begin(kind, of: reference, label: label, in: context)
    }

    public func countBackups(_ kind: ServerBackup.Kind, of reference: ServerReference, in context: TenantContext) throws -> Int {
        let server = try VPSServer.find(reference, in: context)
        return try context.connection.first(
            "SELECT COUNT(*) AS total FROM vpsorg_server_backups WHERE tenant_id = ? AND server_id = ? AND kind = ?",
            context.tenantId, server.id, kind.rawValue
        )?.int("total") ?? 0
    }

    /// The server's backups or snapshots, newest first.
    public func backups(_ kind: ServerBackup.Kind, of reference: ServerReference, offset: Int, limit: Int, in context: TenantContext)
        throws -> [ServerBackup]
    {
        let server = try VPSServer.find(reference, in: context)
        return try context.connection.query(
            ServerBackup.select + " WHERE b.tenant_id = ? AND b.server_id = ? AND b.kind = ? ORDER BY b.id DESC LIMIT ? OFFSET ?",
            [context.tenantId, server.id, kind.rawValue, limit, offset]
        ).map(ServerBackup.init(row:))
    }
}
