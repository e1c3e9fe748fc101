import SandboxCore

/// Power actions of a dedicated server. `start` and `shutdown` act at once; `reboot` takes
/// the server offline and brings it back after `rebootSeconds` on the tenant's clock.
/// Starting a running server or shutting down a halted one changes nothing.
public enum DedicatedPower {
    static let rebootSeconds: Int64 = 60

    public static func start(_ id: Int, in context: TenantContext) throws {
        var server = try DedicatedServers.idle(id, in: context)
        guard server.power != .running else { return }
        let from = server.stateName
        try cancelBoot(id, in: context)
        server.bootCompleted(at: context.now)
        try server.save(in: context)
        try record(id, from: from, to: server, in: context)
    }

    public static func shutdown(_ id: Int, in context: TenantContext) throws {
        var server = try DedicatedServers.idle(id, in: context)
        guard server.power != .halted else { return }
        let from = server.stateName
        try cancelBoot(id, in: context)
        server.goOffline(.halted, at: context.now)
        try server.save(in: context)
        try record(id, from: from, to: server, in: context)
    }

    public static func reboot(_ id: Int, in context: TenantContext) throws {
        var server = try DedicatedServers.idle(id, in: context)
        let from = server.stateName
        try cancelBoot(id, in: context)
        server.goOffline(.rebooting, at: context.now)
        try server.save(in: context)
        try context.schedule(
            DedicatedLifecycle.boot, at: context.now + rebootSeconds * 1000, resourceType: DedicatedServer.resourceType,
            resourceId: id)
        try record(id, from: from, to: server, in: context)
    }

    /// The reboot's boot timer: back online, uptime from now.
    static func rebooted(_ id: Int, in context: TenantContext) throws {
        guard var server = try DedicatedServer.find(id, in: context), server.power == .rebooting else { return }
        server.bootCompleted(at: context.now)
        try server.save(in: context)
        try record(id, from: "rebooting", to: server, in: context)
    }

    /// Any power action or installation supersedes a pending reboot.
    static func cancelBoot(_ id: Int, in context: TenantContext) throws {
        try context.cancelTimers(resourceType: DedicatedServer.resourceType, resourceId: id, kinds: [DedicatedLifecycle.boot])
    }

    private static func record(_ id: Int, from: String, to server: DedicatedServer, in context: TenantContext) throws {
        try context.recordTransition(resourceType: DedicatedServer.resourceType, resourceId: id, from: from, to: server.stateName)
    }
}
