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
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [ServerIncident] {
        _ = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT * FROM server_incidents WHERE tenant_id = ? AND server_id = ? ORDER BY start_at, id",
            [context.tenantId, serverId]
        ).map(ServerIncident.init(row:))
    }

    /// Records an incident starting now (an ongoing one has `stop` = `start` until it ends,
    /// like the documents' examples). `host` defaults to the VM's first IPv4 address and
    /// must be one of its addresses.
    @discardableResult
    public static func add(
        serverId: Int, types: [String], impact: Int, direction: Int, ongoing: Bool, host: String? = nil,
        in context: TenantContext
    ) throws -> ServerIncident {
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
        let incident = ServerIncident(
            gid: context.random.int(in: 100_000...999_999), start: context.now, stop: context.now, host: address,
            direction: direction, impact: Int64(impact), types: types, ongoing: ongoing)
        try insert(incident, of: server, in: context)
        return incident
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
            let incident = ServerIncident(
                gid: context.random.int(in: 100_000...999_999), start: start, stop: stop,
                host: server.ipv4[context.random.int(in: 0...server.ipv4.count - 1)], direction: outgoing ? 2 : 1,
                impact: Int64(context.random.int(in: 1_000_000...500_000_000)), types: types, ongoing: false)
            try insert(incident, of: server, in: context)
        }
    }

    private static func insert(_ incident: ServerIncident, of server: VirtualServer, in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO server_incidents (tenant_id, server_id, gid, start_at, stop_at, host, direction, impact, types, ongoing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            context.tenantId, server.id, incident.gid, incident.start, incident.stop, incident.host, incident.direction,
            incident.impact, JSONWriter.string(.array(incident.types.map { .string($0) })), incident.ongoing ? 1 : 0)
    }
}

/// A network incident of a VM, as `GET .../incidents` lists it.
public struct ServerIncident: Sendable {
    /// The incident's group id (random, like the documents' examples).
    public let gid: Int
    /// Sandbox times (ms); an ongoing incident has `stop` = `start` until it ends.
    public let start: Int64
    public let stop: Int64
    /// The VM's address that was hit (or sent the traffic).
    public let host: String
    /// 1: towards the VM, 2: from it.
    public let direction: Int
    public let impact: Int64
    public let types: [String]
    public let ongoing: Bool

    init(row: Row) throws {
        gid = try row.int("gid")
        start = try row.int64("start_at")
        stop = try row.int64("stop_at")
        host = try row.string("host")
        direction = try row.int("direction")
        impact = try row.int64("impact")
        let stored = try row.json("types")
        guard let names = stored.arrayValue?.compactMap(\.stringValue), names.count == stored.arrayValue?.count else {
            throw row.unreadable("types", as: "a JSON list of names", value: .text(JSONWriter.string(stored)))
        }
        types = names
        ongoing = try row.bool("ongoing")
    }

    init(gid: Int, start: Int64, stop: Int64, host: String, direction: Int, impact: Int64, types: [String], ongoing: Bool) {
        self.gid = gid
        self.start = start
        self.stop = stop
        self.host = host
        self.direction = direction
        self.impact = impact
        self.types = types
        self.ongoing = ongoing
    }
}
