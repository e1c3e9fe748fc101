import SQLiteStore
import StructuredData

/// A Bearer token's world: its own objects, balance, permissions, clock and random source.
public struct Tenant: Sendable {
    public let id: Int
    public let token: String
    public var balanceCents: Int64
    public var permissions: [String]
    public var clock: SandboxClock
    public var randomState: UInt64
    public let createdAt: Int64
    /// Real time of the tenant's last request as last recorded (nil: not yet); see `TenantSweep`.
    let lastRequestAt: Int64?
    /// Sandbox time up to which its history was last pruned; see `Retention`.
    let historyPrunedAt: Int64

    public var balance: Double { Double(balanceCents) / 100 }

    public func hasPermission(_ name: String) -> Bool { permissions.contains(name) }

    /// A token a client can send in an `Authorization` header: at most 512 characters, no
    /// spaces or control characters. Tenants created by the control plane must have one.
    public static func isSendable(token: String) -> Bool {
        !token.isEmpty && token.count <= 512
            && !token.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
    }

    init(row: Row) throws {
        id = try row.int("id")
        token = try row.string("token")
        balanceCents = try row.int64("balance_cents")
        permissions = try row.json("permissions").arrayValue?.compactMap(\.stringValue) ?? []
        clock = try SandboxClock(
            mode: row.value("clock_mode", as: SandboxClock.Mode.self),
            scale: row.double("clock_scale"),
            anchorSandbox: row.int64("clock_anchor_sandbox"),
            anchorReal: row.int64("clock_anchor_real"))
        randomState = UInt64(bitPattern: try row.int64("rng_state"))
        createdAt = try row.int64("created_at")
        lastRequestAt = try row.optionalInt("last_request_at").map(Int64.init)
        historyPrunedAt = try row.int64("history_pruned_at")
    }
}

/// Reads and writes the `tenants` table.
enum TenantTable {
    static func find(id: Int, in connection: Connection) throws -> Tenant? {
        try connection.first("SELECT * FROM tenants WHERE id = ?", id).map(Tenant.init(row:))
    }

    static func find(token: String, in connection: Connection) throws -> Tenant? {
        try connection.first("SELECT * FROM tenants WHERE token = ?", token).map(Tenant.init(row:))
    }

    static func all(in connection: Connection) throws -> [Tenant] {
        try connection.query("SELECT * FROM tenants ORDER BY id").map(Tenant.init(row:))
    }

    static func insert(
        token: String, balanceCents: Int64, permissions: [String], clock: SandboxClock, randomState: UInt64,
        in connection: Connection
    ) throws -> Tenant {
        try connection.run(
            """
            INSERT INTO tenants (token, balance_cents, permissions, clock_mode, clock_scale,
                clock_anchor_sandbox, clock_anchor_real, rng_state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            token, balanceCents, encode(permissions), clock.mode.rawValue, clock.scale,
            clock.anchorSandbox, clock.anchorReal, Int64(bitPattern: randomState), clock.anchorReal)
        return try find(id: Int(connection.lastInsertedRowID), in: connection)!
    }

    static func save(_ tenant: Tenant, in connection: Connection) throws {
        try connection.run(
            """
            UPDATE tenants SET balance_cents = ?, permissions = ?, clock_mode = ?, clock_scale = ?,
                clock_anchor_sandbox = ?, clock_anchor_real = ?, rng_state = ? WHERE id = ?
            """,
            tenant.balanceCents, encode(tenant.permissions), tenant.clock.mode.rawValue, tenant.clock.scale,
            tenant.clock.anchorSandbox, tenant.clock.anchorReal, Int64(bitPattern: tenant.randomState), tenant.id)
    }

    static func encode(_ permissions: [String]) -> String {
        JSONWriter.string(.array(permissions.map { .string($0) }))
    }
}
