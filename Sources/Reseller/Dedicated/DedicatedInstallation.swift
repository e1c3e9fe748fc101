import SandboxCore
import StructuredData

/// Reinstalling a dedicated server: the server goes offline for a 20-40 minute installation
/// on the tenant's clock, then comes up with the new template and new credentials.
/// While it runs, `installation` shows `installation: true` with the template being
/// installed and the previous credentials (the new ones exist only once it is done).
public enum DedicatedInstallation {
    static let installMinutes = 20...40

    /// `PUT .../{sid}/reinstall`.
    public static func reinstall(
        _ id: Int, template: String?, hostname: String?, catalog: DedicatedCatalog, in context: TenantContext
    ) throws {
        var server = try DedicatedServers.idle(id, in: context)
        var errors = FieldErrors()
        let template = try errors.reading { try catalog.template(from: template) }
        let hostname = try errors.reading { try HostnameRule.dedicatedServer.validated(hostname, field: "hostname") }
        try errors.throwIfAny()
        guard let template else { throw DomainError.invalid("template", "template is required") }
        let from = server.stateName
        try DedicatedPower.cancelBoot(id, in: context)
        server.goOffline(.halted, at: context.now)
        try server.save(in: context)
        try context.startJob(
            DedicatedLifecycle.install, resourceType: DedicatedServer.resourceType, resourceId: id, queuedFor: 0,
            runsFor: Int64(context.random.int(in: installMinutes)) * 60_000,
            payload: ["template": .string(template), "hostname": .string(hostname)])
        try context.recordTransition(resourceType: DedicatedServer.resourceType, resourceId: id, from: from, to: "installing")
    }

    /// `GET .../{sid}/installation`.
    public static func describe(_ id: Int, in context: TenantContext) throws -> JSONValue {
        let server = try DedicatedServers.delivered(id, in: context)
        let job = try activeJob(of: id, in: context)
        let template = job?.payload["template"]?.stringValue ?? server.template
        return [
            "ssh": server.sshJSON, "installation": .bool(job != nil), "template": .string(template),
            "mac": .string(server.mac),
        ]
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
        return ["id": .int(server.id), "template": .string(server.template)]
    }
}
