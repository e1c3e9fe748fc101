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

    /// What the client ordered; without a hostname the server is called `byod-<order number>`.
    public struct Request: Sendable {
        public let parts: ByodParts
        public let template: DedicatedTemplate
        public let hostname: String?
        public let ipCount: Int

        public init(parts: ByodParts, template: DedicatedTemplate, hostname: String?, ipCount: Int?) {
            self.parts = parts
            self.template = template
            self.hostname = hostname
            self.ipCount = ipCount ?? 1
        }
    }

    // MARK: Parts and stock

    /// `GET /datacenter/dedicated/market/parts`: stock minus this tenant's reservations
    /// (the parts of building and completed orders; a failed build has released its parts).
    public static func parts(_ catalog: DedicatedCatalog, in context: TenantContext) throws -> ByodStock {
        let reserved = try reservedParts(in: context)
        return ByodStock(
            parts: catalog.parts.map { kind, parts in
                (kind, parts.map { StockedPart(part: $0, count: max(0, $0.count - reserved[$0.id, default: 0])) })
            })
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

    /// `POST /datacenter/dedicated/order/byod`: checks the stock, then charges, reserves
    /// and starts the build. Returns the order number.
    public static func place(_ request: Request, in context: TenantContext) throws -> Int {
        let parts = request.parts
        let reserved = try reservedParts(in: context)
        var errors = FieldErrors()
        for (kind, part) in parts.all where part.count - reserved[part.id, default: 0] <= 0 {
            let field = ByodParts.field(kind)
            errors.add(field, "\(field): part \(part.id) (\(part.name)) is out of stock")
        }
        try errors.throwIfAny()
        let price = parts.all.map(\.part.price).reduce(0, +)
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
            number, context.tenantId, parts.cpu.id, parts.ram.id, parts.ssd?.id, parts.hdd?.id, request.template.name,
            request.hostname ?? "byod-\(number)", request.ipCount, price, job.id, context.now)
        try context.recordTransition(resourceType: resourceType, resourceId: number, from: nil, to: "building")
        return number
    }

    // MARK: Status and completion

    /// `GET /datacenter/dedicated/order/byod/status/{id}`: the new server's ID once completed.
    public static func status(_ number: Int, in context: TenantContext) throws -> ByodOrderStatus {
        guard
            let row = try context.connection.first(
                "SELECT * FROM dedicated_byod_orders WHERE tenant_id = ? AND id = ?", context.tenantId, number),
            let job = try context.job(row.int("job_id"))
        else { throw DomainError.notFound("BYOD order \(number) not found") }
        let state: ByodOrderStatus.State
        switch job.status {
        case .queued, .running: state = .building
        case .finished: state = .completed
        case .failed: state = .failed
        }
        return ByodOrderStatus(
            number: number, state: state, progress: job.progress(at: context.now), serverId: try row.optionalInt("server_id"))
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
        return JobResult(builtServer: id).stored
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

/// The parts a tenant can order now, by kind in the documented order (cpu, ram, hdd, ssd).
public struct ByodStock: Sendable {
    public let parts: [(kind: DedicatedPart.Kind, parts: [StockedPart])]

    public func parts(of kind: DedicatedPart.Kind) -> [StockedPart] { parts.first { $0.kind == kind }?.parts ?? [] }
}

/// A part with how many of it this tenant can still order.
public struct StockedPart: Sendable {
    public let part: DedicatedPart
    public let count: Int
}

/// Where a BYOD order stands: building (with its progress), completed (with the new
/// server's ID) or failed.
public struct ByodOrderStatus: Sendable {
    public enum State: String, CaseIterable, Sendable {
        case building, completed, failed
    }

    public let number: Int
    public let state: State
    public let progress: Int
    public let serverId: Int?
}
