import SQLiteStore
import SandboxCore
import StructuredData

/// Software packages installed over SSH on a VM (`server_software`) or a dedicated server
/// (`dedicated_software`), one row per package. Install and uninstall are jobs that log in
/// with the given root password when they run: a wrong password, a wrong SSH port or a
/// server that is not running fails the job.
public enum SoftwareInstallations {
    static let installJob = "reseller.software.install"
    static let uninstallJob = "reseller.software.uninstall"
    /// Sandbox durations: 2 s queued, an install runs 60 s, an uninstall 30 s.
    static let queuedFor: Int64 = 2_000
    static let installRunsFor: Int64 = 60_000
    static let uninstallRunsFor: Int64 = 30_000
    static let resourceType = "software"
    /// Every sandbox server's sshd listens here.
    static let sshPort = 22

    /// `GET /datacenter/server/{sid}/software`, oldest first; uninstalled packages are gone.
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [InstalledSoftware] {
        let server = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT * FROM server_software WHERE tenant_id = ? AND server_id = ? ORDER BY id", [context.tenantId, server.id]
        ).map(InstalledSoftware.init(row:))
    }

    /// `POST /software/install`: refused (409) while the package is installed or busy; a
    /// failed earlier attempt is replaced.
    public static func install(_ order: SoftwareOrder, in context: TenantContext) throws -> JobRecord {
        let request = try SoftwareRequest(order, in: context)
        let host = request.host
        if let existing = try row(request.package.package, on: host, in: context) {
            guard try existing.string("status") == "failed" else {
                throw DomainError.conflict("\(request.package.package) is \(try existing.string("status")) on server \(host.id)")
            }
            try context.connection.run("DELETE FROM \(host.table) WHERE id = ?", existing.int("id"))
        }
        let id = try context.nextID(resourceType, first: 1)
        let job = try start(installJob, for: request, entry: id, runsFor: installRunsFor, in: context)
        try context.connection.run(
            """
            INSERT INTO \(host.table) (id, tenant_id, server_id, package, version, status, ip, job_id, created_at)
            VALUES (?, ?, ?, ?, ?, 'installing', ?, ?, ?)
            """,
            id, context.tenantId, host.id, request.package.package, request.package.version, request.ip, job.id,
            context.now)
        try context.recordTransition(resourceType: resourceType, resourceId: id, from: nil, to: "installing", jobId: job.id)
        return job
    }

    /// `POST /software/uninstall`: only an installed package (else 409).
    public static func uninstall(_ order: SoftwareOrder, in context: TenantContext) throws -> JobRecord {
        let request = try SoftwareRequest(order, in: context)
        let host = request.host
        guard let existing = try row(request.package.package, on: host, in: context), try existing.string("status") == "installed"
        else {
            throw DomainError.conflict("\(request.package.package) is not installed on server \(host.id)")
        }
        let id = try existing.int("id")
        let job = try start(uninstallJob, for: request, entry: id, runsFor: uninstallRunsFor, in: context)
        try context.connection.run(
            "UPDATE \(host.table) SET status = 'uninstalling', output = NULL, job_id = ? WHERE id = ?", job.id, id)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: "installed", to: "uninstalling", jobId: job.id)
        return job
    }

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(installJob, complete: finishInstall, fail: installFailed))
        scheduler.register(JobKind(uninstallJob, complete: finishUninstall, fail: uninstallFailed))
    }

    @Sendable static func finishInstall(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        let (_, package, ip) = try logIn(job, in: context)
        let output = "\(package) installed on \(ip)"
        try setStatus("installed", output: output, of: job, in: context)
        return .string(output)
    }

    @Sendable static func installFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        try setStatus("failed", output: reason, of: job, in: context)
    }

    @Sendable static func finishUninstall(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        let (id, package, ip) = try logIn(job, in: context)
        let table = SoftwareHost.table(of: job.resourceType)
        try context.connection.run("DELETE FROM \(table) WHERE id = ? AND tenant_id = ?", id, context.tenantId)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: "uninstalling", to: "removed", jobId: job.id)
        return .string("\(package) uninstalled from \(ip)")
    }

    /// A failed uninstall leaves the package installed, with the reason in `output`.
    @Sendable static func uninstallFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        try setStatus("installed", output: reason, of: job, in: context)
    }

    /// What the job's SSH session finds: the server must run, listen on the port and accept
    /// the password it has *now* (a password reset or reinstall after the request counts).
    /// Returns the row id, "package version" and the address.
    private static func logIn(_ job: JobRecord, in context: TenantContext) throws -> (Int, String, String) {
        let id = entry(of: job)
        let ip = job.payload["ip"]?.stringValue ?? ""
        let port = job.payload["port"]?.intValue.map(Int.init) ?? sshPort
        let host = try SoftwareHost.current(of: job, in: context)
        if let state = host.offlineState {
            throw DomainError.conflict("Connection timed out: \(ip):\(port) is not reachable (server \(host.id) is \(state))")
        }
        guard port == sshPort else {
            throw DomainError.conflict(
                "Connection refused: nothing listens on \(ip):\(port) (the server's SSH port is \(sshPort))")
        }
        guard let password = job.payload["password"]?.stringValue, password == host.rootPassword else {
            throw DomainError.conflict("Authentication failed: wrong root password for \(ip):\(port)")
        }
        let row = try context.connection.first("SELECT * FROM \(host.table) WHERE id = ?", id)
        return (id, "\(try row?.string("package") ?? "package") \(try row?.string("version") ?? "")", ip)
    }

    /// The package row a job works on.
    private static func entry(of job: JobRecord) -> Int { job.payload["entry"]?.intValue.map(Int.init) ?? 0 }

    /// The job's package row gets `status`; gone with its server, nothing is left to update.
    private static func setStatus(_ status: String, output: String, of job: JobRecord, in context: TenantContext) throws {
        let id = entry(of: job)
        let table = SoftwareHost.table(of: job.resourceType)
        guard let row = try context.connection.first(
            "SELECT status FROM \(table) WHERE id = ? AND tenant_id = ?", id, context.tenantId)
        else { return }
        try context.connection.run("UPDATE \(table) SET status = ?, output = ? WHERE id = ?", status, output, id)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: row.string("status"), to: status, jobId: job.id)
    }

    private static func row(_ package: String, on host: SoftwareHost, in context: TenantContext) throws -> Row? {
        try context.connection.first(
            "SELECT * FROM \(host.table) WHERE tenant_id = ? AND server_id = ? AND package = ?",
            context.tenantId, host.id, package)
    }

    private static func start(
        _ kind: String, for request: SoftwareRequest, entry: Int, runsFor: Int64, in context: TenantContext
    ) throws -> JobRecord {
        try context.startJob(
            kind, resourceType: request.host.resourceType, resourceId: request.host.id, queuedFor: queuedFor,
            runsFor: runsFor,
            payload: [
                "entry": .int(entry), "ip": .string(request.ip), "port": .int(request.port),
                "password": .string(request.password),
            ])
    }
}
