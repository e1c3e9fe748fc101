import SandboxCore
import StructuredData

/// Changes to an existing VM that take effect at once: resources, deletion, root password,
/// reverse DNS and the outgoing-mail firewall rule.
public enum VirtualServerSettings {
    /// `PUT .../change`: given fields apply at once (live resize). A smaller disk is refused;
    /// a smaller `ipCount` is silently ignored, as documented; more IPs get new addresses.
    /// A higher monthly price charges the difference now; a lower one refunds nothing.
    public static func change(_ serverId: Int, _ fields: InputFields, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        var errors = FieldErrors()
        let cpuCores = try errors.reading { try VirtualServerSpec.cpuCores(fields, required: false) }
        let memoryMB = try errors.reading { try VirtualServerSpec.memoryMB(fields, required: false) }
        let diskGB = try errors.reading { try VirtualServerSpec.diskGB(fields, required: false) }
        let ipCount = try errors.reading { try VirtualServerSpec.ipCount(fields, required: false) }
        if let diskGB, diskGB < server.diskGB {
            errors.add(
                "disk", "disk must not be smaller than the current \(server.diskGB)G (downgrading a disk could lose data)")
        }
        try errors.throwIfAny()
        try server.requireIdle()
        server.cpuCores = cpuCores ?? server.cpuCores
        server.memoryMB = memoryMB ?? server.memoryMB
        server.diskGB = diskGB ?? server.diskGB
        if let ipCount, ipCount > server.ipCount {
            server.ipv4 += try VirtualServerProvisioning.allocateIPv4(
                count: ipCount - server.ipCount, in: context, avoiding: server.ipv4)
            server.ipCount = ipCount
        }
        let price = VirtualServerPrice.monthlyCents(
            cpuCores: server.cpuCores, memoryMB: server.memoryMB, diskGB: server.diskGB, ipCount: server.ipCount)
        if price > server.monthlyPriceCents { try context.charge(euros: Double(price - server.monthlyPriceCents) / 100) }
        server.monthlyPriceCents = price
        try VirtualServers.save(server, in: context)
    }

    /// `POST .../delete`: a running (or busy) VM needs `force`; a stopped one goes at once.
    public static func delete(_ serverId: Int, force: Bool, in context: TenantContext) throws {
        let server = try VirtualServers.find(serverId, in: context)
        guard force || server.state == .stopped else {
            throw DomainError.conflict(
                "Server \(serverId) is \(server.state.rawValue); stop it first or delete with force=true")
        }
        try VirtualServers.delete(server, reason: "Cancelled: server \(serverId) was deleted", in: context)
    }

    /// `PUT .../password/reset`: the given password (at least 6 characters) or a generated one.
    public static func resetPassword(_ serverId: Int, _ fields: InputFields, in context: TenantContext) throws -> String {
        var server = try VirtualServers.find(serverId, in: context)
        var password: String?
        if fields.has("password") {
            guard let given = try? fields.string("password"), (6...128).contains(given.count) else {
                throw DomainError.invalid("password", "password must be a string of 6 to 128 characters")
            }
            password = given
        }
        try server.requireIdle()
        server.rootPassword = password ?? context.random.password(length: 16)
        try VirtualServers.save(server, in: context)
        return server.rootPassword ?? ""
    }

    /// `POST .../rdns`: `ip` must be one of the VM's IPv4 addresses, `hostname` a FQDN.
    public static func setReverseDNS(_ serverId: Int, _ fields: InputFields, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        var errors = FieldErrors()
        let ip = try errors.reading { () -> String? in
            let ip = try fields.requiredString("ip")
            guard server.ipv4.contains(ip) else {
                throw DomainError.invalid(
                    "ip", "ip must be one of the server's IPv4 addresses (\(server.ipv4.joined(separator: ", ")))")
            }
            return ip
        }
        let hostname = try errors.reading {
            try HostnameRule.fullyQualified.required(try fields.requiredString("hostname"), field: "hostname")
        }
        try errors.throwIfAny()
        guard let ip, let hostname else { throw DomainError.invalid("body", "ip and hostname are required") }
        server.reverseDNS[ip] = .string(hostname)
        try VirtualServers.save(server, in: context)
    }

    /// `POST .../firewall/outgoing_mails`: needs the tenant permission `outgoingMail`.
    public static func setOutgoingMail(_ serverId: Int, _ fields: InputFields, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        let deny = try fields.requiredBool("deny")
        guard context.hasPermission("outgoingMail") else {
            throw DomainError.forbidden(
                "You are not permitted to change the outgoing mail firewall; please contact support to get access")
        }
        server.outgoingMailBlocked = deny
        try VirtualServers.save(server, in: context)
    }
}
