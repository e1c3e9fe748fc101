import SQLiteStore
import StructuredData

/// A snapshot document (see `Snapshot`) produced part by part: the head (migrations,
/// tenants, sequences), then each tenant table's rows a page at a time. Each part is one
/// short read on the database queue, so other tenants' requests run between parts and
/// memory stays bounded by a page however large the world. While a tenant's export runs,
/// that tenant's own requests wait in its lane, so the document shows one moment of it.
public final class SnapshotExport: @unchecked Sendable {
    static let pageRows = 500

    private enum Stage {
        case head
        /// `opened`: the table's name is written; `written`: one of its rows is.
        case rows(table: Int, after: Int64, opened: Bool, written: Bool)
        case tail
        case done
    }

    private let runtime: SandboxRuntime
    private let tenants: [Tenant]
    /// The one exported tenant's token, whose lane is held until the export ends.
    private let holding: String?
    /// The exported tenants' ids: rows of tenants created during the export are left out.
    private let exported: Set<Int>
    private let real: Int64
    // Touched only on the database queue.
    private var stage = Stage.head
    private var finished = false
    /// The tables, parents first, each with its largest rowid when the export began: rows
    /// added later (by others, between pages) are left out, and a row is written only after
    /// the rows it refers to, so the document's references hold even under traffic.
    private var tables: [(name: String, ceiling: Int64)] = []

    private init(runtime: SandboxRuntime, tenants: [Tenant], holding: String?, real: Int64) {
        self.runtime = runtime
        self.tenants = tenants
        self.holding = holding
        exported = Set(tenants.map(\.id))
        self.real = real
    }

    /// Starts an export of `token`'s tenant (its due work applied first), or of every
    /// tenant as stored when `token` is nil.
    public static func start(
        runtime: SandboxRuntime, token: String?, ready: @escaping @Sendable (Result<SnapshotExport, any Error>) -> Void
    ) {
        guard let token else {
            return runtime.submit({ try runtime.database.read { try TenantTable.all(in: $0) } }) { result in
                ready(result.map { SnapshotExport(runtime: runtime, tenants: $0, holding: nil, real: realTimeMillis()) })
            }
        }
        runtime.submit(token: token, { context in context.tenantWithRandom }) { result in
            // On the database queue, right after the tenant's transaction: nothing of the
            // tenant's can run between it and the lane being held.
            if case .success = result { runtime.lanes.occupy(token) }
            ready(result.map { SnapshotExport(runtime: runtime, tenants: [$0], holding: token, real: realTimeMillis()) })
        }
    }

    /// Delivers the next part of the document's text, or nil once it is complete.
    public func next(_ deliver: @escaping @Sendable (Result<[UInt8]?, any Error>) -> Void) {
        runtime.submit({ [self] in try runtime.database.read(produce) }) { [self] result in
            if case .success(nil) = result { finish() } else if case .failure = result { finish() }
            deliver(result)
        }
    }

    /// Ends the export early (the reader went away).
    public func cancel() {
        runtime.submit({ () }) { [self] _ in finish() }
    }

    /// On the database queue: the end, reached or cut short; the tenant's lane is freed once.
    private func finish() {
        guard !finished else { return }
        finished = true
        stage = .done
        if let holding { runtime.releaseLane(holding) }
    }

    private func produce(_ connection: Connection) throws -> [UInt8]? {
        switch stage {
        case .head:
            tables = try TableOrder.childrenFirst(connection).reversed().map { name in
                (name, Int64(try connection.first("SELECT max(rowid) AS top FROM \"\(name)\"")?.optionalInt("top") ?? 0))
            }
            stage = tables.isEmpty ? .tail : .rows(table: 0, after: 0, opened: false, written: false)
            return try head(connection)
        case .rows(let index, let after, let opened, let written):
            return try page(of: index, after: after, opened: opened, written: written, in: connection)
        case .tail:
            stage = .done
            return Array("}}".utf8)
        case .done:
            return nil
        }
    }

    /// Everything up to the opening brace of `tables`.
    private func head(_ connection: Connection) throws -> [UInt8] {
        let sequences = try connection.query("SELECT name, next_value FROM sequences ORDER BY name")
        let head: JSONValue = [
            "format": .string(Snapshot.format), "version": .int(Snapshot.version),
            "migrations": .array(try Snapshot.migrations(connection).map { .string($0) }),
            "exportedAt": .string(Timestamp.iso8601(real)),
            "tenants": .array(tenants.map { Snapshot.describe($0, real: real) }),
            "sequences": .object(JSONObject(try sequences.map { try ($0.string("name"), .int($0.int64("next_value"))) })),
        ]
        var out = JSONWriter.bytes(head)
        out.removeLast()
        out.append(contentsOf: #","tables":{"#.utf8)
        return out
    }

    /// Up to a page of rows of table `index` after `rowid`, with the table's opening or
    /// closing text around them.
    private func page(of index: Int, after rowid: Int64, opened: Bool, written: Bool, in connection: Connection) throws
        -> [UInt8]
    {
        let table = tables[index]
        var out: [UInt8] = []
        if !opened {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.write(.string(table.name), into: &out)
            out.append(contentsOf: ":[".utf8)
        }
        let select = "SELECT rowid AS snapshot_rowid, * FROM \"\(table.name)\" WHERE rowid > ? AND rowid <= ?"
        let rows = holding != nil
            ? try connection.query(
                select + " AND tenant_id = ? ORDER BY rowid LIMIT ?", [rowid, table.ceiling, tenants[0].id, Self.pageRows])
            : try connection.query(select + " ORDER BY rowid LIMIT ?", [rowid, table.ceiling, Self.pageRows])
        var written = written
        for row in rows where exported.contains(try row.int("tenant_id")) {
            if written { out.append(UInt8(ascii: ",")) }
            JSONWriter.write(Snapshot.encode(row, skipping: "snapshot_rowid"), into: &out)
            written = true
        }
        if rows.count == Self.pageRows, let last = rows.last {
            stage = .rows(table: index, after: try last.int64("snapshot_rowid"), opened: true, written: written)
        } else {
            out.append(UInt8(ascii: "]"))
            stage = index + 1 < tables.count ? .rows(table: index + 1, after: 0, opened: false, written: false) : .tail
        }
        return out
    }
}
