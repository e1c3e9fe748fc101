import SQLiteStore
import SandboxCore
import StructuredData

/// Software packages installed on a VM over SSH (`server_software`), one row per package.
/// Install and uninstall are jobs that log in with the given root password when they run:
/// a wrong password, a wrong SSH port or a VM that is not running fails the job.
public enum SoftwareInstallations {
    static let installJob = "reseller.software.install"
    static let uninstallJob = "reseller.software.uninstall"
    /// Sandbox durations: 2 s queued, an install runs 60 s, an uninstall 30 s.
    static let queuedFor: Int64 = 2_000
    static let installRunsFor: Int64 = 60_000
    static let uninstallRunsFor: Int64 = 30_000
    static let resourceType = "software"
    /// Every sandbox VM's sshd listens here.
    static let sshPort = 22

    /// `GET /datacenter/server/{sid}/software`, oldest first; uninstalled packages are gone.
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [JSONValue] {
        let server = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT * FROM server_software WHERE tenant_id = ? AND server_id = ? ORDER BY id", [context.tenantId, server.id]
        ).map { row in
            [
                "id": .int(try row.int("id")), "status": .string(try row.string("status")), "package": .string(try row.string("package")),
                "version": .string(try row.string("version")), "output": .string(try row.optionalString("output")),
                "ip": .string(try row.string("ip")), "created_at": .string(Timestamp.laravel(try row.int64("created_at"))),
            ]
        }
    }

    /// `POST /software/install`: refused (409) while the package is installed or busy; a
    /// failed earlier attempt is replaced.
    public static func install(_ fields: InputFields, catalog: CloudCatalog, in context: TenantContext) throws -> JobRecord {
        let request = try SoftwareRequest(fields, catalog: catalog, in: context)
        if let existing = try row(request.package.package, on: request.server.id, in: context) {
            guard try existing.string("status") == "failed" else {
                throw DomainError.conflict(
                    "\(request.package.package) is \(try existing.string("status")) on server \(request.server.id)")
            }
            try context.connection.run("DELETE FROM server_software WHERE id = ?", existing.int("id"))
        }
        let id = try context.nextID(resourceType, first: 1)
        let job = try start(installJob, for: request, entry: id, runsFor: installRunsFor, in: context)
        try context.connection.run(
            """
            INSERT INTO server_software (id, tenant_id, server_id, package, version, status, ip, job_id, created_at)
            VALUES (?, ?, ?, ?, ?, 'installing', ?, ?, ?)
            """,
            id, context.tenantId, request.server.id, request.package.package, request.package.version, request.ip, job.id,
            context.now)
        try context.recordTransition(resourceType: resourceType, resourceId: id, from: nil, to: "installing", jobId: job.id)
        return job
    }

    /// `POST /software/uninstall`: only an installed package (else 409).
    public static func uninstall(_ fields: InputFields, catalog: CloudCatalog, in context: TenantContext) throws -> JobRecord {
        let request = try SoftwareRequest(fields, catalog: catalog, in: context)
        guard let existing = try row(request.package.package, on: request.server.id, in: context),
            try existing.string("status") == "installed"
        else {
            throw DomainError.conflict("\(request.package.package) is not installed on server \(request.server.id)")
        }
        let id = try existing.int("id")
        let job = try start(uninstallJob, for: request, entry: id, runsFor: uninstallRunsFor, in: context)
        try context.connection.run(
            "UPDATE server_software SET status = 'uninstalling', output = NULL, job_id = ? WHERE id = ?", job.id, id)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: "installed", to: "uninstalling", jobId: job.id)
        return job
    }

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(installJob, complete: finishInstall, fail: installFailed))
        scheduler.register(JobKind(uninstallJob, complete: finishUninstall, fail: uninstallFailed))
    }

    @Sendable static func finishInstall(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        let (id, package, ip) = try logIn(job, in: context)
        let output = "\(package) installed on \(ip)"
        try setStatus("installed", output: output, of: id, job: job, in: context)
        return .string(output)
    }

    @Sendable static func installFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        try setStatus("failed", output: reason, of: entry(of: job), job: job, in: context)
    }

    @Sendable static func finishUninstall(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        let (id, package, ip) = try logIn(job, in: context)
        try context.connection.run("DELETE FROM server_software WHERE id = ? AND tenant_id = ?", id, context.tenantId)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: "uninstalling", to: "removed", jobId: job.id)
        return .string("\(package) uninstalled from \(ip)")
    }

    /// A failed uninstall leaves the package installed, with the reason in `output`.
    @Sendable static func uninstallFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        try setStatus("installed", output: reason, of: entry(of: job), job: job, in: context)
    }

    /// What the job's SSH session finds: the VM must run, listen on the port and accept the
    /// password it has *now* (a password reset after the request counts). Returns the row
    /// id, "package version" and the address.
    private static func logIn(_ job: JobRecord, in context: TenantContext) throws -> (Int, String, String) {
        let id = entry(of: job)
        let ip = job.payload["ip"]?.stringValue ?? ""
        let port = job.payload["port"]?.intValue.map(Int.init) ?? sshPort
        let server = try VirtualServers.find(job.resourceId, in: context)
        guard server.state == .running else {
            throw DomainError.conflict(
                "Connection timed out: \(ip):\(port) is not reachable (server \(server.id) is \(server.state.rawValue))")
        }
        guard port == sshPort else {
            throw DomainError.conflict(
                "Connection refused: nothing listens on \(ip):\(port) (the server's SSH port is \(sshPort))")
        }
        guard let password = job.payload["password"]?.stringValue, password == server.rootPassword else {
            throw DomainError.conflict("Authentication failed: wrong root password for \(ip):\(port)")
        }
        let row = try context.connection.first("SELECT * FROM server_software WHERE id = ?", id)
        return (id, "\(try row?.string("package") ?? "package") \(try row?.string("version") ?? "")", ip)
    }

    /// The `server_software` row a job works on.
    private static func entry(of job: JobRecord) -> Int { job.payload["entry"]?.intValue.map(Int.init) ?? 0 }

    private static func setStatus(
        _ status: String, output: String, of id: Int, job: JobRecord, in context: TenantContext
    ) throws {
        guard let row = try context.connection.first(
            "SELECT status FROM server_software WHERE id = ? AND tenant_id = ?", id, context.tenantId)
        else { return }
        try context.connection.run("UPDATE server_software SET status = ?, output = ? WHERE id = ?", status, output, id)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: row.string("status"), to: status, jobId: job.id)
    }

    private static func row(_ package: String, on serverId: Int, in context: TenantContext) throws -> Row? {
        try context.connection.first(
            "SELECT * FROM server_software WHERE tenant_id = ? AND server_id = ? AND package = ?",
            context.tenantId, serverId, package)
    }

    private static func start(
        _ kind: String, for request: SoftwareRequest, entry: Int, runsFor: Int64, in context: TenantContext
    ) throws -> JobRecord {
        try context.startJob(
            kind, resourceType: VirtualServer.resourceType, resourceId: request.server.id, queuedFor: queuedFor,
            runsFor: runsFor,
            payload: [
                "entry": .int(entry), "ip": .string(request.ip), "port": .int(request.port),
                "password": .string(request.password),
            ])
    }
}

/// The body of `software/install` and `software/uninstall`: the VM by `sid`, `ip` or the
/// documents' literal key `sid|ip` (either), `package`, `password`, optional `port`.
struct SoftwareRequest {
    let server: VirtualServer
    let ip: String
    let package: SoftwarePackage
    let password: String
    let port: Int

    init(_ fields: InputFields, catalog: CloudCatalog, in context: TenantContext) throws {
        var found: [(key: String, server: VirtualServer, ip: String?)] = []
        for key in ["sid", "ip", "sid|ip"] where fields.has(key) {
            guard let value = try? fields.string(key) else {
                throw DomainError.invalid(key, "\(key) must be a server ID or one of its IP addresses")
            }
            if key != "ip", let id = Int(value) {
                found.append((key, try VirtualServers.find(id, in: context), nil))
            } else if key != "sid", let server = try VirtualServers.find(ipAddress: value, in: context) {
                found.append((key, server, value))
            } else if key == "sid" {
                throw DomainError.invalid("sid", "sid must be a server ID (an integer)")
            } else {
                throw DomainError.notFound("No server with IP address \(value) found")
            }
        }
        guard let first = found.first else {
            throw DomainError.invalid("sid|ip", "sid|ip is required: the server ID (sid) or one of its IP addresses (ip)")
        }
        if let other = found.first(where: { $0.server.id != first.server.id }) {
            throw DomainError.invalid(other.key, "\(first.key) and \(other.key) name different servers")
        }
        server = first.server
        ip = found.compactMap(\.ip).first ?? server.ipv4.first ?? server.ips.first ?? ""
        let names = catalog.software.map(\.package)
        let rule = "package must be one of GET /software/list (\(names.joined(separator: ", ")))"
        guard fields.has("package") else { throw DomainError.invalid("package", "package is required; \(rule)") }
        guard let name = try? fields.string("package"), let package = catalog.software.first(where: { $0.package == name })
        else { throw DomainError.invalid("package", rule) }
        self.package = package
        guard let password = try? fields.string("password"), !password.isEmpty else {
            throw DomainError.invalid("password", "password is required: the server's SSH root password")
        }
        self.password = password
        port = try fields.int("port", in: 1...65_535, required: false) ?? SoftwareInstallations.sshPort
    }
}
