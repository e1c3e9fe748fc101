import SQLiteStore
import SandboxCore
import StructuredData

/// Backups of a VM (`server_backups`). A backup is a job; once finished it is known by its
/// unix timestamp (the sandbox time it was requested, unique per VM) and keeps a snapshot of
/// the VM's configuration, which a restore puts back.
public enum ServerBackups {
    static let backupJob = "reseller.vm.backup"
    static let restoreJob = "reseller.vm.restore"
    /// Sandbox durations: 2 s queued, a backup runs 5 min, a restore 3 min.
    static let queuedFor: Int64 = 2_000
    static let backupRunsFor: Int64 = 300_000
    static let restoreRunsFor: Int64 = 180_000
    static let resourceType = "backup"

    /// `PUT .../backups/create`: one backup at a time per VM; not while a job owns the VM.
    @discardableResult
    public static func create(_ serverId: Int, in context: TenantContext) throws -> JobRecord {
        let server = try VirtualServers.find(serverId, in: context)
        try server.requireIdle()
        if let running = try activeJob(backupJob, of: server.id, in: context) {
            throw DomainError.conflict(
                "A backup of server \(server.id) is already running (job \(running.id)); wait until it has finished")
        }
        // Two backups requested in the same second would share a timestamp; the later one moves on.
        var stamp = Timestamp.unixSeconds(context.now)
        while try context.connection.first(
            "SELECT id FROM server_backups WHERE server_id = ? AND stamp = ?", server.id, stamp) != nil
        {
            stamp += 1
        }
        let job = try context.startJob(
            backupJob, resourceType: VirtualServer.resourceType, resourceId: server.id, queuedFor: queuedFor,
            runsFor: backupRunsFor, payload: ["backup": .int(stamp)])
        try context.connection.run(
            """
            INSERT INTO server_backups (tenant_id, server_id, stamp, status, job_id, snapshot, created_at)
            VALUES (?, ?, ?, 'pending', ?, ?, ?)
            """,
            context.tenantId, server.id, stamp, job.id, JSONWriter.string(BackupSnapshot(of: server).json), context.now)
        try context.recordTransition(
            resourceType: resourceType, resourceId: Int(context.connection.lastInsertedRowID), from: nil, to: "pending",
            jobId: job.id)
        return job
    }

    /// `GET .../backups/status`: the latest backup's job; `none` when the VM never had one.
    public static func status(_ serverId: Int, in context: TenantContext) throws -> BackupStatus {
        let server = try VirtualServers.find(serverId, in: context)
        guard let row = try context.connection.first(
            "SELECT * FROM server_backups WHERE tenant_id = ? AND server_id = ? ORDER BY id DESC LIMIT 1",
            context.tenantId, server.id),
            let job = try context.job(row.int("job_id"))
        else { return BackupStatus(phase: .none, progress: 0) }
        let phase: BackupStatus.Phase = switch job.status {
        case .queued: .pending
        case .running: .running
        case .finished: .finished
        case .failed: .failed
        }
        return BackupStatus(phase: phase, progress: job.progress(at: context.now))
    }

    /// `GET .../backups/list`: timestamps of finished backups, newest first.
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [Int64] {
        let server = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT stamp FROM server_backups WHERE tenant_id = ? AND server_id = ? AND status = 'finished' ORDER BY stamp DESC",
            [context.tenantId, server.id]
        ).map { try $0.int64("stamp") }
    }

    /// `POST .../backups/restore`: the VM is `restoring` until the job has put the backup's
    /// configuration back; then it is running or stopped as before.
    public static func restore(_ serverId: Int, backup stamp: Int64, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        let backup = try finishedBackup(stamp, of: server.id, in: context)
        try server.requireIdle()
        if let running = try activeJob(backupJob, of: server.id, in: context) {
            throw DomainError.conflict(
                "A backup of server \(server.id) is running (job \(running.id)); restore when it has finished")
        }
        try VirtualServerPower.cancelPending(server, in: context)
        let job = try context.startJob(
            restoreJob, resourceType: VirtualServer.resourceType, resourceId: server.id, queuedFor: queuedFor,
            runsFor: restoreRunsFor, payload: ["backup": .int(stamp), "resume": .string(server.state.rawValue)])
        try server.transition(to: .restoring, jobId: job.id, in: context)
        try context.recordTransition(
            resourceType: resourceType, resourceId: backup.int("id"), from: "finished", to: "restoring", jobId: job.id)
    }

    /// `POST .../backups/delete`: refused while that backup is being restored.
    public static func delete(_ serverId: Int, backup stamp: Int64, in context: TenantContext) throws {
        let server = try VirtualServers.find(serverId, in: context)
        let backup = try finishedBackup(stamp, of: server.id, in: context)
        if let restoring = try activeJob(restoreJob, of: server.id, in: context),
            restoring.payload["backup"]?.intValue == stamp
        {
            throw DomainError.conflict(
                "Backup \(stamp) of server \(server.id) is being restored (job \(restoring.id)); delete it afterwards")
        }
        try context.connection.run("DELETE FROM server_backups WHERE id = ?", backup.int("id"))
        try context.recordTransition(resourceType: resourceType, resourceId: backup.int("id"), from: "finished", to: "deleted")
    }

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(backupJob, complete: finishBackup, fail: backupFailed))
        scheduler.register(JobKind(restoreJob, complete: finishRestore, fail: restoreFailed))
    }

    @Sendable static func finishBackup(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        try setStatus("finished", of: job, in: context)
        return JobResult(backedUpServer: job.resourceId, backup: job.payload["backup"]?.intValue).stored
    }

    @Sendable static func backupFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        try setStatus("failed", of: job, in: context)
    }

    /// Puts back the configuration the VM had when the backup was taken (resources,
    /// template, hostname, root password); its IP addresses stay as they are.
    @Sendable static func finishRestore(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        var server = try VirtualServers.find(job.resourceId, in: context)
        let stamp = job.payload["backup"]?.intValue ?? 0
        if let backup = try context.connection.first(
            "SELECT * FROM server_backups WHERE tenant_id = ? AND server_id = ? AND stamp = ?",
            context.tenantId, server.id, stamp)
        {
            // A restore charges or refunds nothing.
            try BackupSnapshot(backup).restore(into: &server)
            try context.recordTransition(
                resourceType: resourceType, resourceId: backup.int("id"), from: "restoring", to: "finished", jobId: job.id)
        }
        try server.transition(to: resumeState(job), jobId: job.id, in: context)
        return .string("Server \(server.id) restored from backup \(stamp)")
    }

    @Sendable static func restoreFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        guard var server = try? VirtualServers.find(job.resourceId, in: context), server.state == .restoring else { return }
        try server.transition(to: resumeState(job), jobId: job.id, in: context)
    }

    private static func resumeState(_ job: JobRecord) -> VirtualServer.State {
        job.payload["resume"]?.stringValue == VirtualServer.State.stopped.rawValue ? .stopped : .running
    }

    private static func setStatus(_ status: String, of job: JobRecord, in context: TenantContext) throws {
        guard let row = try context.connection.first(
            "SELECT id, status FROM server_backups WHERE tenant_id = ? AND job_id = ?", context.tenantId, job.id)
        else { return }
        try context.connection.run("UPDATE server_backups SET status = ? WHERE id = ?", status, row.int("id"))
        try context.recordTransition(
            resourceType: resourceType, resourceId: row.int("id"), from: row.string("status"), to: status, jobId: job.id)
    }

    private static func finishedBackup(_ stamp: Int64, of serverId: Int, in context: TenantContext) throws -> Row {
        guard let row = try context.connection.first(
            "SELECT * FROM server_backups WHERE tenant_id = ? AND server_id = ? AND stamp = ? AND status = 'finished'",
            context.tenantId, serverId, stamp)
        else { throw DomainError.notFound("Backup \(stamp) of server \(serverId) not found") }
        return row
    }

    private static func activeJob(_ kind: String, of serverId: Int, in context: TenantContext) throws -> JobRecord? {
        try context.jobs(resourceType: VirtualServer.resourceType, resourceId: serverId, activeOnly: true)
            .first { $0.kind == kind }
    }
}

/// Where the latest backup of a VM stands, as `GET .../backups/status` reports it.
public struct BackupStatus: Sendable {
    public enum Phase: String, Sendable, CaseIterable {
        /// The VM never had a backup.
        case none
        case pending, running, finished, failed
    }

    public let phase: Phase
    /// Percent of the backup's job done.
    public let progress: Int
}
