import SQLiteStore
import SandboxCore
import StructuredData

/// Network incidents (DDoS attacks, suspicious traffic) of a VM, as
/// `GET .../incidents` lists them. New VMs get 0-3 past incidents on their addresses
/// (addresses are reused, so they have a history); the control plane injects more.
public enum ServerIncidents {
    /// Direction codes: 1 traffic towards the VM, 2 traffic from it.
    public static let directions = 1...2

    /// `GET .../incidents` items, oldest first.
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [JSONValue] {
        _ = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT * FROM server_incidents WHERE tenant_id = ? AND server_id = ? ORDER BY start_at, id",
            [context.tenantId, serverId]
        ).map(render)
    }

    /// Records an incident starting now (an ongoing one has `stop` = `start` until it ends,
    /// like the documents' examples). `host` defaults to the VM's first IPv4 address and
    /// must be one of its addresses. Returns the incident as `GET .../incidents` shows it.
    @discardableResult
    public static func add(
        serverId: Int, types: [String], impact: Int, direction: Int, ongoing: Bool, host: String? = nil,
        in context: TenantContext
    ) throws -> JSONValue {
        let server = try VirtualServers.find(serverId, in: context)
        guard !types.isEmpty, types.allSatisfy({ !$0.isEmpty && $0.count <= 100 }) else {
            throw DomainError.invalid("types", "types must be a non-empty list of incident type names")
        }
        guard impact >= 0 else { throw DomainError.invalid("impact", "impact must be a non-negative integer") }
        guard directions.contains(direction) else {
            throw DomainError.invalid("direction", "direction must be 1 (incoming) or 2 (outgoing)")
        }
        let address = host ?? server.ipv4.first ?? server.ips.first ?? ""
        guard server.ips.contains(address) else {
            throw DomainError.invalid("host", "host must be one of the server's addresses (\(server.ips.joined(separator: ", ")))")
        }
        let gid = context.random.int(in: 100_000...999_999)
        let id = try insert(
            server: server, gid: gid, start: context.now, stop: context.now, host: address, direction: direction,
            impact: impact, types: types, ongoing: ongoing, in: context)
        return try context.connection.first(
            "SELECT * FROM server_incidents WHERE tenant_id = ? AND id = ?", context.tenantId, id).map(render) ?? .null
    }

    /// 0-3 finished incidents in the 30 days before the VM was created.
    static func seed(for server: VirtualServer, catalog: CloudCatalog, in context: TenantContext) throws {
        guard !catalog.incidentTypes.isEmpty, !server.ipv4.isEmpty else { return }
        for _ in 0..<context.random.int(in: 0...3) {
            let start = server.createdAt - Int64(context.random.int(in: 3_600...30 * 86_400)) * 1000
            let stop = start + Int64(context.random.int(in: 30...3_600)) * 1000
            var types: [String] = []
            for _ in 0..<context.random.int(in: 1...2) {
                let type = catalog.incidentTypes[context.random.int(in: 0...catalog.incidentTypes.count - 1)]
                if !types.contains(type) { types.append(type) }
            }
            let outgoing = types.contains { $0.lowercased().contains("outbound") }
            try insert(
                server: server, gid: context.random.int(in: 100_000...999_999), start: start, stop: stop,
                host: server.ipv4[context.random.int(in: 0...server.ipv4.count - 1)], direction: outgoing ? 2 : 1,
                impact: context.random.int(in: 1_000_000...500_000_000), types: types, ongoing: false, in: context)
        }
    }

    private static func render(_ row: Row) throws -> JSONValue {
        try [
            "gid": .int(row.int("gid")), "start": .string(Timestamp.mysql(row.int64("start_at"))),
            "stop": .string(Timestamp.mysql(row.int64("stop_at"))), "host": .string(row.string("host")),
            "direction": .int(row.int("direction")), "impact": .int(row.int64("impact")),
            "types": row.json("types"), "ongoing": .int(row.int("ongoing")),
        ]
    }

    @discardableResult
    private static func insert(
        server: VirtualServer, gid: Int, start: Int64, stop: Int64, host: String, direction: Int, impact: Int,
        types: [String], ongoing: Bool, in context: TenantContext
    ) throws -> Int {
        try context.connection.run(
            """
            INSERT INTO server_incidents (tenant_id, server_id, gid, start_at, stop_at, host, direction, impact, types, ongoing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            context.tenantId, server.id, gid, start, stop, host, direction, impact,
            JSONWriter.string(.array(types.map { .string($0) })), ongoing ? 1 : 0)
        return Int(context.connection.lastInsertedRowID)
    }
}
