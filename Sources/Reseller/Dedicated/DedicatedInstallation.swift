import SandboxCore
import StructuredData

/// Reinstalling a dedicated server: the server goes offline for a 20-40 minute installation
/// on the tenant's clock, then comes up with the new template and new credentials.
/// While it runs, `installation` shows `installation: true` with the template being
/// installed and the previous credentials (the new ones exist only once it is done).
public enum DedicatedInstallation {
    static let installMinutes = 20...40

    /// What `PUT .../{sid}/reinstall` installs; without a hostname the server keeps its own.
    public struct Reinstall: Sendable {
        public let template: DedicatedTemplate
        public let hostname: String?

        public init(template: DedicatedTemplate, hostname: String?) {
            self.template = template
            self.hostname = hostname
        }
    }

    /// `PUT .../{sid}/reinstall`.
    public static func reinstall(_ id: Int, _ order: Reinstall, in context: TenantContext) throws {
        var server = try DedicatedServers.idle(id, in: context)
        let from = server.stateName
        try DedicatedPower.cancelBoot(id, in: context)
        server.goOffline(.halted, at: context.now)
        try server.save(in: context)
        var payload: JSONObject = ["template": .string(order.template.name)]
        if let hostname = order.hostname { payload["hostname"] = .string(hostname) }
        try context.startJob(
            DedicatedLifecycle.install, resourceType: DedicatedServer.resourceType, resourceId: id, queuedFor: 0,
            runsFor: Int64(context.random.int(in: installMinutes)) * 60_000, payload: .object(payload))
        try context.recordTransition(resourceType: DedicatedServer.resourceType, resourceId: id, from: from, to: "installing")
    }

    /// `GET .../{sid}/installation`: while installing, the template being installed and the
    /// credentials still in use.
    public static func describe(_ id: Int, in context: TenantContext) throws -> DedicatedInstallationState {
        let server = try DedicatedServers.delivered(id, in: context)
        let job = try activeJob(of: id, in: context)
        return DedicatedInstallationState(
            credentials: server.credentials, installing: job != nil,
            template: job?.payload["template"]?.stringValue ?? server.template, mac: server.mac)
    }

    static func activeJob(of id: Int, in context: TenantContext) throws -> JobRecord? {
        try context.jobs(resourceType: DedicatedServer.resourceType, resourceId: id, activeOnly: true)
            .first { $0.kind == DedicatedLifecycle.install }
    }

    /// The installation's end: new template (and hostname, if given), one new password for
    /// root and user (as the documents' example shows), running from now.
    static func finish(_ job: JobRecord, in context: TenantContext) throws -> JSONValue {
        guard var server = try DedicatedServer.find(job.resourceId, in: context) else {
            throw DomainError.notFound("Dedicated server \(job.resourceId) no longer exists")
        }
        if let template = job.payload["template"]?.stringValue { server.template = template }
        if let hostname = job.payload["hostname"]?.stringValue { server.hostname = hostname }
        let password = context.random.password()
        server.rootPassword = password
        server.userPassword = password
        server.bootCompleted(at: context.now)
        try server.save(in: context)
        try context.recordTransition(
            resourceType: DedicatedServer.resourceType, resourceId: server.id, from: "installing", to: "running")
        return JobResult(serverId: server.id, template: server.template).stored
    }
}

/// A dedicated server's installation as `GET .../installation` shows it.
public struct DedicatedInstallationState: Sendable {
    public let credentials: DedicatedCredentials
    public let installing: Bool
    /// The template being installed, or the installed one.
    public let template: String
    public let mac: String
}
