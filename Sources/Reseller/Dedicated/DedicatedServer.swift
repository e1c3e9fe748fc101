import SQLiteStore
import SandboxCore
import StructuredData

/// A tenant's dedicated server: ordered from the market (ID = offer ID) or built from
/// parts (BYOD, IDs from 500). Power and traffic are simulated on the tenant's clock.
public struct DedicatedServer: Sendable {
    public enum Power: String, Sendable {
        /// `rebooting` is shown as halted/offline until its boot timer fires.
        case running, halted, rebooting
    }

    static let resourceType = "dedicated_server"

    public let id: Int
    public let orderId: Int
    public let offerId: Int?
    public var hostname: String
    public var template: String
    public let hardware: DedicatedHardware
    public let ips: [String]
    public var rootPassword: String
    public var userPassword: String
    public let mac: String
    public var orderComplete: Bool
    public var power: Power
    /// When the server last came online (uptime counts from here); nil unless running.
    var bootedAt: Int64?
    /// Online time before `bootedAt`, so traffic keeps growing across restarts.
    var onlineMillis: Int64
    /// Simulated traffic rates in bytes per second of online time.
    let rateIn: Int
    let rateOut: Int
    var rdns: JSONObject

    init(row: Row) throws {
        id = try row.int("id")
        orderId = try row.int("order_id")
        offerId = try row.optionalInt("offer_id")
        hostname = try row.string("hostname")
        template = try row.string("template")
        guard let hardware = DedicatedHardware(stored: try row.json("hardware")) else {
            throw row.unreadable("hardware", as: "dedicated hardware", value: .text(try row.string("hardware")))
        }
        self.hardware = hardware
        ips = try row.json("ips").arrayValue?.compactMap(\.stringValue) ?? []
        rootPassword = try row.string("root_password")
        userPassword = try row.string("user_password")
        mac = try row.string("mac")
        orderComplete = try row.bool("order_complete")
        power = try row.value("power", as: Power.self)
        bootedAt = try row.optionalInt("booted_at").map(Int64.init)
        onlineMillis = try row.int64("online_ms")
        rateIn = try row.int("rate_in")
        rateOut = try row.int("rate_out")
        rdns = try row.json("rdns").objectValue ?? JSONObject()
    }

    // MARK: Persistence

    /// Creates a server with fresh credentials, addresses and MAC from the tenant's random source.
    @discardableResult
    static func create(
        id: Int, orderId: Int, offerId: Int?, byodOrderId: Int?, hostname: String, template: String,
        hardware: DedicatedHardware, ipCount: Int, orderComplete: Bool, in context: TenantContext
    ) throws -> DedicatedServer {
        var ips: [String] = []
        while ips.count < ipCount {
            let ip = context.random.ipv4(prefix: "92.246")
            if !ips.contains(ip) { ips.append(ip) }
        }
        let password = context.random.password()
        let power: Power = orderComplete ? .running : .halted
        try context.connection.run(
            """
            INSERT INTO dedicated_servers (tenant_id, id, order_id, offer_id, byod_order_id, hostname, template, hardware,
                ips, root_password, user_password, mac, order_complete, power, booted_at, rate_in, rate_out, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            context.tenantId, id, orderId, offerId, byodOrderId, hostname, template,
            JSONWriter.string(hardware.stored), JSONWriter.string(.array(ips.map { .string($0) })),
            password, password, context.random.macAddress(), orderComplete, power.rawValue,
            orderComplete ? context.now : nil, context.random.int(in: 20_000...400_000),
            context.random.int(in: 5_000...200_000), context.now)
        try context.recordTransition(
            resourceType: resourceType, resourceId: id, from: nil, to: orderComplete ? "running" : "provisioning")
        return try find(id, in: context)!
    }

    func save(in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE dedicated_servers SET hostname = ?, template = ?, root_password = ?, user_password = ?,
                order_complete = ?, power = ?, booted_at = ?, online_ms = ?, rdns = ?
            WHERE tenant_id = ? AND id = ?
            """,
            hostname, template, rootPassword, userPassword, orderComplete, power.rawValue, bootedAt, onlineMillis,
            JSONWriter.string(.object(rdns)), context.tenantId, id)
    }

    /// This tenant's server, or nil (another tenant's server is nil too).
    static func find(_ id: Int, in context: TenantContext) throws -> DedicatedServer? {
        try context.connection.first(
            "SELECT * FROM dedicated_servers WHERE tenant_id = ? AND id = ?", context.tenantId, id
        ).map(DedicatedServer.init(row:))
    }

    /// This tenant's server with `address` among its IPs, or nil.
    static func find(ipAddress address: String, in context: TenantContext) throws -> DedicatedServer? {
        let pattern = "%" + JSONWriter.string(.string(address)) + "%"
        return try context.connection.query(
            "SELECT * FROM dedicated_servers WHERE tenant_id = ? AND ips LIKE ? ORDER BY id", [context.tenantId, pattern]
        ).map(DedicatedServer.init(row:)).first { $0.ips.contains(address) }
    }

    static func all(in context: TenantContext) throws -> [DedicatedServer] {
        try context.connection.query(
            "SELECT * FROM dedicated_servers WHERE tenant_id = ? ORDER BY id", context.tenantId
        ).map(DedicatedServer.init(row:))
    }

    // MARK: Power

    /// Comes online now: uptime restarts.
    mutating func bootCompleted(at now: Int64) {
        power = .running
        bootedAt = now
    }

    /// Goes offline now (halted, or rebooting), keeping the online time for traffic.
    mutating func goOffline(_ power: Power, at now: Int64) {
        if let bootedAt { onlineMillis += max(0, now - bootedAt) }
        bootedAt = nil
        self.power = power
    }

    // MARK: Views

    func uptimeSeconds(at now: Int64) -> Int64 {
        guard power == .running, let bootedAt else { return 0 }
        return max(0, now - bootedAt) / 1000
    }

    /// `GET .../status`: traffic counters in bytes, growing with online time; uptime in seconds.
    func status(at now: Int64) -> DedicatedServerStatus {
        let online = onlineMillis + (power == .running ? max(0, now - (bootedAt ?? now)) : 0)
        // Seconds first: rate x milliseconds would overflow after some centuries online.
        return DedicatedServerStatus(
            orderId: orderId, bytesIn: Int64(rateIn) * (online / 1000), bytesOut: Int64(rateOut) * (online / 1000),
            uptimeSeconds: uptimeSeconds(at: now), online: power == .running)
    }

    /// The SSH logins of the installed system: root, and `user` with the same kind of password.
    public var credentials: DedicatedCredentials {
        DedicatedCredentials(rootPassword: rootPassword, userPassword: userPassword)
    }

    /// The transition name of the current power state, for the event stream.
    var stateName: String { power.rawValue }
}

/// Where a dedicated server stands: traffic in bytes, uptime in seconds, online or not
/// (a rebooting server is offline until it is back).
public struct DedicatedServerStatus: Sendable {
    public let orderId: Int
    public let bytesIn: Int64
    public let bytesOut: Int64
    public let uptimeSeconds: Int64
    public let online: Bool

    public var traffic: Int64 { bytesIn + bytesOut }
}

/// SSH logins of a dedicated server's installed system.
public struct DedicatedCredentials: Sendable {
    public static let username = "user"

    public let rootPassword: String
    public let userPassword: String
}
