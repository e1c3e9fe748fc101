import SandboxCore
import StructuredData

/// Changes to an existing VM that take effect at once: resources, deletion, root password,
/// reverse DNS and the outgoing-mail firewall rule.
public enum VirtualServerSettings {
    /// `PUT .../change`: given resources apply at once (live resize). A smaller disk is refused;
    /// a smaller `ipCount` is silently ignored, as documented; more IPs get new addresses.
    /// A higher monthly price charges the difference now; a lower one refunds nothing.
    public static func change(_ serverId: Int, _ resize: VirtualServerResize, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        if let diskGB = resize.diskGB, diskGB < server.diskGB {
            throw DomainError.invalid(
                "disk", "disk must not be smaller than the current \(server.diskGB)G (downgrading a disk could lose data)")
        }
        try server.requireIdle()
        server.cpuCores = resize.cpuCores ?? server.cpuCores
        server.memoryMB = resize.memoryMB ?? server.memoryMB
        server.diskGB = resize.diskGB ?? server.diskGB
        if let ipCount = resize.ipCount, ipCount > server.ipCount {
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

    /// `PUT .../password/reset`: the given password or, for nil, a generated one. Returns it.
    public static func resetPassword(_ serverId: Int, to password: String?, in context: TenantContext) throws -> String {
        var server = try VirtualServers.find(serverId, in: context)
        try server.requireIdle()
        let newPassword = password ?? context.random.password(length: 16)
        server.rootPassword = newPassword
        try VirtualServers.save(server, in: context)
        return newPassword
    }

    /// `POST .../rdns`: `ip` must be one of the VM's IPv4 addresses.
    public static func setReverseDNS(_ serverId: Int, ip: String, hostname: String, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        guard server.ipv4.contains(ip) else {
            throw DomainError.invalid(
                "ip", "ip must be one of the server's IPv4 addresses (\(server.ipv4.joined(separator: ", ")))")
        }
        server.reverseDNS[ip] = .string(hostname)
        try VirtualServers.save(server, in: context)
    }

    /// `POST .../firewall/outgoing_mails`: needs the tenant permission `outgoingMail`.
    public static func setOutgoingMail(_ serverId: Int, deny: Bool, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        guard context.hasPermission("outgoingMail") else {
            throw DomainError.forbidden(
                "You are not permitted to change the outgoing mail firewall; please contact support to get access")
        }
        server.outgoingMailBlocked = deny
        try VirtualServers.save(server, in: context)
    }
}
