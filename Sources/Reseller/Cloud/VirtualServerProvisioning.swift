import SandboxCore
import StructuredData

/// Creating and reinstalling VMs: both are jobs that end with the VM running and a fresh
/// root password, reported in the job's `output`.
public enum VirtualServerProvisioning {
    static let installJob = "reseller.vm.install"
    static let reinstallJob = "reseller.vm.reinstall"
    /// Sandbox durations: 2 s queued, then the install runs 120 s (a reinstall 90 s).
    static let queuedFor: Int64 = 2_000
    static let installRunsFor: Int64 = 120_000
    static let reinstallRunsFor: Int64 = 90_000

    static let ipv4Prefix = "185.244"
    static let ipv6Prefix = "2a0e:97c0:3e1"

    /// `POST /datacenter/server`: charges one month, creates the VM (`installing`) and starts
    /// its install job.
    public static func create(_ order: VirtualServerOrder, catalog: CloudCatalog, in context: TenantContext) throws -> JobRecord {
        let price = VirtualServerPrice.monthlyCents(
            cpuCores: order.cpuCores, memoryMB: order.memoryMB, diskGB: order.diskGB, ipCount: order.ipCount)
        try context.charge(euros: Double(price) / 100)
        let id = try context.nextID(VirtualServer.resourceType, first: 4001)
        let server = VirtualServer(
            id: id, state: .installing, template: order.template, locationId: order.locationId,
            hostname: order.hostname ?? "vm\(id).sandbox.local", sshKey: order.sshKey, cpuCores: order.cpuCores,
            memoryMB: order.memoryMB, diskGB: order.diskGB, ipCount: order.ipCount,
            ipv4: try allocateIPv4(count: order.ipCount, in: context), ipv6: [try allocateIPv6(in: context)],
            mac: context.random.macAddress(), monthlyPriceCents: price,
            metricsSeed: Int64(context.random.int(in: 1...Int(Int32.max))), createdAt: context.now)
        try VirtualServers.insert(server, in: context)
        try ServerIncidents.seed(for: server, catalog: catalog, in: context)
        return try context.startJob(
            installJob, resourceType: VirtualServer.resourceType, resourceId: id, queuedFor: queuedFor,
            runsFor: installRunsFor)
    }

    /// `PUT .../reinstall`: the VM keeps its resources and IPs; template, hostname and key
    /// may be replaced. State `reinstalling` until the job finishes.
    public static func reinstall(_ serverId: Int, _ order: VirtualServerReinstall, in context: TenantContext) throws -> JobRecord {
        var server = try VirtualServers.find(serverId, in: context)
        try server.requireIdle()
        server.template = order.template ?? server.template
        server.hostname = order.hostname ?? server.hostname
        server.sshKey = order.sshKey ?? server.sshKey
        try VirtualServerPower.cancelPending(server, in: context)
        let job = try context.startJob(
            reinstallJob, resourceType: VirtualServer.resourceType, resourceId: server.id, queuedFor: queuedFor,
            runsFor: reinstallRunsFor)
        try server.transition(to: .reinstalling, jobId: job.id, in: context)
        return job
    }

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(installJob, complete: finishInstall, fail: installFailed))
        scheduler.register(JobKind(reinstallJob, complete: finishInstall, fail: installFailed))
    }

    /// The VM boots with a new root password; the output tells the client how to reach it.
    @Sendable static func finishInstall(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        var server = try VirtualServers.find(job.resourceId, in: context)
        server.rootPassword = context.random.password(length: 16)
        try server.transition(to: .running, jobId: job.id, in: context)
        return JobResult(serverId: server.id, hostname: server.hostname, addresses: server.ips, password: server.rootPassword)
            .stored
    }

    /// A cancelled or failed install leaves the VM stopped (if it still exists).
    @Sendable static func installFailed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        guard var server = try? VirtualServers.find(job.resourceId, in: context), server.state.isBusy else { return }
        try server.transition(to: .stopped, jobId: job.id, in: context)
    }

    /// Random draws per address before giving up: a nearly full pool fails fast instead of
    /// spinning while it holds the database queue.
    static let allocationAttempts = 1_000

    /// `count` free IPv4 addresses from `prefix` (the pool is injectable for tests).
    static func allocateIPv4(
        count: Int, in context: TenantContext, avoiding taken: [String] = [], prefix: String = ipv4Prefix
    ) throws -> [String] {
        var used = try VirtualServers.allocatedAddresses(in: context).union(taken)
        var addresses: [String] = []
        while addresses.count < count {
            let address = try draw(avoiding: used, "IPv4") { context.random.ipv4(prefix: prefix) }
            used.insert(address)
            addresses.append(address)
        }
        return addresses
    }

    static func allocateIPv6(in context: TenantContext) throws -> String {
        let used = try VirtualServers.allocatedAddresses(in: context)
        return try draw(avoiding: used, "IPv6") { context.random.ipv6(prefix: ipv6Prefix) }
    }

    private static func draw(avoiding used: Set<String>, _ family: String, _ next: () -> String) throws -> String {
        for _ in 0..<allocationAttempts {
            let address = next()
            if !used.contains(address) { return address }
        }
        throw DomainError.conflict("no free \(family) address left in the sandbox pool for this tenant")
    }
}
