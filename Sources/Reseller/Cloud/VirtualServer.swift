import SQLiteStore
import SandboxCore
import StructuredData

/// A reseller cloud server (VM) of one tenant, as stored in `virtual_servers`.
/// Load it with `VirtualServers.find`, change it, then `VirtualServers.save` it (or use
/// `transition(to:)`, which also records the state change for the event stream).
public struct VirtualServer: Sendable {
    public enum State: String, Sendable, CaseIterable {
        case installing, reinstalling, restoring, running, stopped

        /// A job owns the VM in these states: power actions and changes wait for it.
        public var isBusy: Bool { self == .installing || self == .reinstalling || self == .restoring }
    }

    public static let resourceType = "virtual_server"

    public let id: Int
    public var state: State
    public var template: String
    public var locationId: Int
    public var hostname: String
    public var sshKey: String?
    public var cpuCores: Int
    public var memoryMB: Int
    public var diskGB: Int
    /// The ordered number of IPv4 addresses; `ipv4` holds them.
    public var ipCount: Int
    public var ipv4: [String]
    public var ipv6: [String]
    public var mac: String
    /// nil until the first install finishes.
    public var rootPassword: String?
    /// The inserted ISO's id (`isos.json`), or nil.
    public var iso: String?
    /// New VMs start with outgoing mail (SMTP ports) blocked.
    public var outgoingMailBlocked: Bool
    /// Reverse DNS names by IPv4 address, in the order they were set.
    public var reverseDNS: JSONObject
    /// Sandbox time of the last start; nil while not running. Uptime counts from here.
    public var startedAt: Int64?
    public var monthlyPriceCents: Int64
    /// Fixed at creation so simulated metrics are reproducible.
    public let metricsSeed: Int64
    public let createdAt: Int64

    public var ips: [String] { ipv4 + ipv6 }

    /// Refuses (409) while a job owns the VM (installing, reinstalling, restoring).
    public func requireIdle() throws {
        guard !state.isBusy else {
            throw DomainError.conflict("Server \(id) is \(state.rawValue); try again when its job has finished")
        }
    }

    /// Power actions are refused (409) while installing, reinstalling or restoring.
    public func requirePowerActionAllowed() throws { try requireIdle() }

    /// Moves to `state`, records the transition and saves the VM.
    public mutating func transition(to newState: State, jobId: Int? = nil, in context: TenantContext) throws {
        let old = state
        state = newState
        if newState == .running && old != .running { startedAt = context.now }
        if newState != .running { startedAt = nil }
        try VirtualServers.save(self, in: context)
        try context.recordTransition(
            resourceType: Self.resourceType, resourceId: id, from: old.rawValue, to: newState.rawValue, jobId: jobId)
    }

    init(
        id: Int, state: State, template: String, locationId: Int, hostname: String, sshKey: String?, cpuCores: Int,
        memoryMB: Int, diskGB: Int, ipCount: Int, ipv4: [String], ipv6: [String], mac: String,
        monthlyPriceCents: Int64, metricsSeed: Int64, createdAt: Int64
    ) {
        self.id = id
        self.state = state
        self.template = template
        self.locationId = locationId
        self.hostname = hostname
        self.sshKey = sshKey
        self.cpuCores = cpuCores
        self.memoryMB = memoryMB
        self.diskGB = diskGB
        self.ipCount = ipCount
        self.ipv4 = ipv4
        self.ipv6 = ipv6
        self.mac = mac
        self.rootPassword = nil
        self.iso = nil
        self.outgoingMailBlocked = true
        self.reverseDNS = JSONObject()
        self.startedAt = nil
        self.monthlyPriceCents = monthlyPriceCents
        self.metricsSeed = metricsSeed
        self.createdAt = createdAt
    }

    init(row: Row) throws {
        id = try row.int("id")
        state = try row.value("state", as: State.self)
        template = try row.string("template")
        locationId = try row.int("location_id")
        hostname = try row.string("hostname")
        sshKey = try row.optionalString("ssh_key")
        cpuCores = try row.int("cpu_cores")
        memoryMB = try row.int("mem_mb")
        diskGB = try row.int("disk_gb")
        ipCount = try row.int("ip_count")
        ipv4 = try Self.strings(row, "ipv4")
        ipv6 = try Self.strings(row, "ipv6")
        mac = try row.string("mac")
        rootPassword = try row.optionalString("root_password")
        iso = try row.optionalString("iso")
        outgoingMailBlocked = try row.bool("outgoing_mail_blocked")
        reverseDNS = try row.json("rdns").objectValue ?? JSONObject()
        startedAt = try row.optionalInt("started_at").map(Int64.init)
        monthlyPriceCents = try row.int64("monthly_price_cents")
        metricsSeed = try row.int64("metrics_seed")
        createdAt = try row.int64("created_at")
    }

    /// A column holding a JSON array of strings (the addresses).
    static func strings(_ row: Row, _ column: String) throws -> [String] {
        try row.json(column).arrayValue?.compactMap(\.stringValue) ?? []
    }

    static func encode(_ strings: [String]) -> String { JSONWriter.string(.array(strings.map { .string($0) })) }
}
