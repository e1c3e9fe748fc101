import SandboxCore

/// Power actions. Graceful ones (shutdown, reboot) take a little sandbox time and are
/// timers; forced ones act at once. All are refused (409) while a job owns the VM.
public enum VirtualServerPower {
    public enum Action: String, Sendable, CaseIterable {
        case start, shutdown, stop, reboot, reset, forceReboot = "reboot/force"
    }

    static let shutdownTimer = "reseller.vm.shutdown"
    static let rebootTimer = "reseller.vm.reboot"
    /// A guest needs this long to shut down cleanly (sandbox time).
    public static let shutdownDelay: Int64 = 30_000
    /// A graceful reboot: the guest shuts down and boots again after this long.
    public static let rebootDelay: Int64 = 15_000

    /// Start on a running VM and stop/shutdown on a stopped VM change nothing (idempotent,
    /// like Proxmox-style APIs). Reboot, reset and reboot/force on a stopped VM boot it.
    public static func perform(_ action: Action, on serverId: Int, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        try server.requirePowerActionAllowed()
        switch action {
        case .start:
            guard server.state != .running else { return }
            try server.transition(to: .running, in: context)
        case .stop:
            try cancelPending(server, in: context)
            try server.transition(to: .stopped, in: context)
        case .shutdown:
            guard server.state == .running else { return }
            guard try !isPending(shutdownTimer, for: server, in: context) else { return }
            try cancelPending(server, in: context)
            try schedule(shutdownTimer, for: server, after: shutdownDelay, in: context)
        case .reboot:
            guard server.state == .running else { return try server.transition(to: .running, in: context) }
            guard try !isPending(rebootTimer, for: server, in: context) else { return }
            try cancelPending(server, in: context)
            try schedule(rebootTimer, for: server, after: rebootDelay, in: context)
        case .reset, .forceReboot:
            try cancelPending(server, in: context)
            try context.cancelJobs(
                resourceType: VirtualServer.resourceType, resourceId: server.id,
                reason: "Cancelled: server \(server.id) was reset")
            try restart(&server, in: context)
        }
    }

    /// Drops pending graceful shutdowns and reboots (a newer action overrides them).
    static func cancelPending(_ server: VirtualServer, in context: TenantContext) throws {
        try context.cancelTimers(
            resourceType: VirtualServer.resourceType, resourceId: server.id, kinds: [shutdownTimer, rebootTimer])
    }

    /// The VM runs again with uptime from zero.
    static func restart(_ server: inout VirtualServer, in context: TenantContext) throws {
        if server.state == .running {
            server.startedAt = context.now
            try VirtualServers.save(server, in: context)
            for (from, to) in [("running", "rebooting"), ("rebooting", "running")] {
                try context.recordTransition(
                    resourceType: VirtualServer.resourceType, resourceId: server.id, from: from, to: to)
            }
        } else {
            try server.transition(to: .running, in: context)
        }
    }

    static func register(in scheduler: Scheduler) {
        scheduler.onTimer(shutdownTimer) { context, timer in
            guard let id = timer.resourceId, var server = try? VirtualServers.find(id, in: context),
                server.state == .running
            else { return }
            try server.transition(to: .stopped, in: context)
        }
        scheduler.onTimer(rebootTimer) { context, timer in
            guard let id = timer.resourceId, var server = try? VirtualServers.find(id, in: context),
                server.state == .running
            else { return }
            try restart(&server, in: context)
        }
    }

    private static func schedule(_ kind: String, for server: VirtualServer, after delay: Int64, in context: TenantContext) throws {
        try context.schedule(
            kind, at: context.now + delay, resourceType: VirtualServer.resourceType, resourceId: server.id)
    }

    private static func isPending(_ kind: String, for server: VirtualServer, in context: TenantContext) throws -> Bool {
        try context.pendingTimers(resourceType: VirtualServer.resourceType, resourceId: server.id)
            .contains { $0.kind == kind }
    }
}
