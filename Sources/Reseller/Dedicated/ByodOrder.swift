import SQLiteStore
import SandboxCore
import StructuredData

/// A build-your-own (BYOD) dedicated server order: one CPU, one RAM kit, optionally an SSD
/// and an HDD. Ordering reserves the parts from this tenant's stock and charges their
/// prices; the build takes 24-48 hours on the tenant's clock, then the server exists.
public enum ByodOrder {
    static let resourceType = "byod_order"
    static let firstOrderNumber = 100
    static let buildMinutes = (24 * 60)...(48 * 60)
    public static let ipCounts = 1...8

    /// What the client asked for. `parts` keeps the kind the client named (nil for a plain
    /// list of part IDs), so that mistakes can be reported under the client's own field name.
    /// `unreadable` holds the fields that could not even be read (a word for `ipCount`):
    /// they are refused together with the rules' problems, and not checked again.
    public struct Request: Sendable {
        public var parts: [(kind: String?, id: Int)]
        public var template: String?
        public var hostname: String?
        public var ipCount: Int?
        public var unreadable: FieldErrors

        public init(
            parts: [(kind: String?, id: Int)], template: String?, hostname: String?, ipCount: Int?,
            unreadable: FieldErrors = FieldErrors()
        ) {
            self.parts = parts
            self.template = template
            self.hostname = hostname
            self.ipCount = ipCount
            self.unreadable = unreadable
        }
    }

    // MARK: Parts and stock

    /// `GET /datacenter/dedicated/market/parts`: stock minus this tenant's reservations
    /// (the parts of building and completed orders; a failed build has released its parts).
    public static func parts(_ catalog: DedicatedCatalog, in context: TenantContext) throws -> JSONValue {
        let reserved = try reservedParts(in: context)
        return .object(
            JSONObject(
                catalog.parts.map { kind, parts in
                    let items: [JSONValue] = parts.map { part in
                        [
                            "id": .int(part.id), "name": .string(part.name), "description": .string(part.description),
                            "count": .int(max(0, part.count - reserved[part.id, default: 0])),
                            "price": DedicatedHardware.priceJSON(part.price),
                        ]
                    }
                    return (kind.rawValue, .array(items))
                }))
    }

    private static func reservedParts(in context: TenantContext) throws -> [Int: Int] {
        var reserved: [Int: Int] = [:]
        let rows = try context.connection.query(
            "SELECT cpu_part, ram_part, ssd_part, hdd_part FROM dedicated_byod_orders WHERE tenant_id = ? AND failed_at IS NULL",
            context.tenantId)
        for row in rows {
            for column in ["cpu_part", "ram_part", "ssd_part", "hdd_part"] {
                if let id = try row.optionalInt(column) { reserved[id, default: 0] += 1 }
            }
        }
        return reserved
    }

    // MARK: Ordering

    /// `POST /datacenter/dedicated/order/byod`: validates everything, then charges, reserves
    /// and starts the build. Returns the order number.
    public static func place(_ request: Request, catalog: DedicatedCatalog, in context: TenantContext) throws -> Int {
        var errors = request.unreadable
        let chosen = try errors.reading(unlessRefused: "parts") { try choose(request.parts, catalog: catalog, in: context) }
        let template = try errors.reading(unlessRefused: "template") { try catalog.template(from: request.template) }
        let hostname = try errors.reading(unlessRefused: "hostname") {
            try HostnameRule.dedicatedServer.validated(request.hostname, field: "hostname")
        }
        let ipCount = request.ipCount ?? 1
        if !errors.names("ipCount"), !ipCounts.contains(ipCount) {
            errors.add("ipCount", "ipCount must be an integer between \(ipCounts.lowerBound) and \(ipCounts.upperBound)")
        }
        try errors.throwIfAny()
        guard let chosen, let template else { throw DomainError.invalid("body", "the order is incomplete") }
        let price = chosen.values.map(\.price).reduce(0, +)
        try context.charge(euros: price)
        let number = try context.nextID(resourceType, first: firstOrderNumber)
        let job = try context.startJob(
            DedicatedLifecycle.byodBuild, resourceType: resourceType, resourceId: number, queuedFor: 0,
            runsFor: Int64(context.random.int(in: buildMinutes)) * 60_000)
        try context.connection.run(
            """
            INSERT INTO dedicated_byod_orders (id, tenant_id, cpu_part, ram_part, ssd_part, hdd_part, template, hostname,
                ip_count, price, job_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            number, context.tenantId, chosen[.cpu]!.id, chosen[.ram]!.id, chosen[.ssd]?.id, chosen[.hdd]?.id, template,
            hostname ?? "byod-\(number)", ipCount, price, job.id, context.now)
        try context.recordTransition(resourceType: resourceType, resourceId: number, from: nil, to: "building")
        return number
    }

    /// Checks each named part: a known kind, an existing part of that kind, in stock for this tenant.
    private static func choose(
        _ parts: [(kind: String?, id: Int)], catalog: DedicatedCatalog, in context: TenantContext
    ) throws -> [DedicatedPart.Kind: DedicatedPart] {
        let kinds = "parts[cpu], parts[ram], parts[ssd] or parts[hdd]"
        let reserved = try reservedParts(in: context)
        var chosen: [DedicatedPart.Kind: DedicatedPart] = [:]
        for (named, id) in parts {
            let field = named.map { "parts[\($0)]" } ?? "parts"
            if let named, DedicatedPart.Kind(rawValue: named) == nil {
                throw DomainError.invalid(field, "\(field) is not a part kind; use \(kinds)")
            }
            guard let (kind, part) = catalog.part(id) else {
                throw DomainError.invalid(
                    field, "\(field) must be a part id from GET /datacenter/dedicated/market/parts; part \(id) does not exist")
            }
            if let named, named != kind.rawValue {
                throw DomainError.invalid(
                    field, "\(field) must be the id of a \(named) part; part \(id) (\(part.name)) is a \(kind.rawValue) part")
            }
            if let previous = chosen[kind] {
                throw DomainError.invalid(
                    "parts[\(kind.rawValue)]",
                    "parts[\(kind.rawValue)] takes one part; both \(previous.id) and \(id) are \(kind.rawValue) parts")
            }
            guard part.count - reserved[part.id, default: 0] > 0 else {
                let name = named == nil ? "parts[\(kind.rawValue)]" : field
                throw DomainError.invalid(name, "\(name): part \(id) (\(part.name)) is out of stock")
            }
            chosen[kind] = part
        }
        for kind in [DedicatedPart.Kind.cpu, .ram] where chosen[kind] == nil {
            throw DomainError.invalid(
                "parts[\(kind.rawValue)]",
                "parts[\(kind.rawValue)] is required: the id of a \(kind.rawValue) part from GET /datacenter/dedicated/market/parts")
        }
        return chosen
    }

    // MARK: Status and completion

    /// `GET /datacenter/dedicated/order/byod/status/{id}`: `status` is `building`,
    /// `completed` or `failed`; `serverId` is the new server's ID once completed, else null.
    public static func status(_ number: Int, in context: TenantContext) throws -> JSONValue {
        guard
            let row = try context.connection.first(
                "SELECT * FROM dedicated_byod_orders WHERE tenant_id = ? AND id = ?", context.tenantId, number),
            let job = try context.job(row.int("job_id"))
        else { throw DomainError.notFound("BYOD order \(number) not found") }
        let status: String
        switch job.status {
        case .queued, .running: status = "building"
        case .finished: status = "completed"
        case .failed: status = "failed"
        }
        return [
            "id": .int(number), "status": .string(status), "progress": .int(job.progress(at: context.now)),
            "serverId": try row.optionalInt("server_id").map { .int($0) } ?? .null,
        ]
    }

    /// The build's end: the server exists from now on, running, with its order complete.
    static func complete(_ number: Int, catalog: DedicatedCatalog, in context: TenantContext) throws -> JSONValue {
        guard
            let row = try context.connection.first(
                "SELECT * FROM dedicated_byod_orders WHERE tenant_id = ? AND id = ?", context.tenantId, number),
            let cpu = catalog.part(try row.int("cpu_part"))?.part, let ram = catalog.part(try row.int("ram_part"))?.part
        else { throw DomainError.notFound("BYOD order \(number) no longer exists") }
        let hardware = DedicatedHardware(
            cpu: cpu, ram: ram, ssd: try row.optionalInt("ssd_part").flatMap { catalog.part($0)?.part },
            hdd: try row.optionalInt("hdd_part").flatMap { catalog.part($0)?.part })
        let id = try context.nextID("dedicated_server", first: DedicatedCatalog.firstBuiltServerID)
        try DedicatedServer.create(
            id: id, orderId: number, offerId: nil, byodOrderId: number, hostname: row.string("hostname"),
            template: row.string("template"), hardware: hardware, ipCount: row.int("ip_count"), orderComplete: true,
            in: context)
        try context.connection.run(
            "UPDATE dedicated_byod_orders SET server_id = ? WHERE tenant_id = ? AND id = ?", id, context.tenantId, number)
        try context.recordTransition(resourceType: resourceType, resourceId: number, from: "building", to: "completed")
        return ["serverId": .int(id)]
    }

    /// A failed (or force-failed) build: the order shows `failed` and its parts return to stock.
    static func failed(_ number: Int, in context: TenantContext) throws {
        let changed = try context.connection.run(
            "UPDATE dedicated_byod_orders SET failed_at = ? WHERE tenant_id = ? AND id = ? AND failed_at IS NULL",
            context.now, context.tenantId, number)
        guard changed > 0 else { return }
        try context.recordTransition(resourceType: resourceType, resourceId: number, from: "building", to: "failed")
    }
}
