import Foundation
import SQLiteStore
import StructuredData

/// A snapshot checked in full before any real table is touched: its rows are loaded into a
/// scratch database file with this version's schema, where SQLite itself checks types,
/// constraints and references. The imports then copy the rows from there: a tenant's sliced
/// import (SnapshotImport.swift) page by page, the full one (`?all=true`) in one transaction.
/// A file, not memory: a snapshot of any size costs the server SQLite's page cache, and a
/// tenant's import interrupted by a crash is finished from it at the next start (see
/// LongOperation), so the file stays until the import is done (`discard`).
final class SnapshotStaging {
    /// The scratch tenant's id in a one-tenant staging; rows get the real tenant's id as they
    /// are copied.
    static let scratchTenant = 1

    struct Table {
        let name: String
        let columns: [String]
        /// Inserts a row of `columns`, in order.
        var insert: String {
            "INSERT INTO \"\(name)\" (\(columnList)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        }
        var columnList: String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }
        /// Column sets that must be unique across tenants (the rowid alias and UNIQUE
        /// indexes without `tenant_id`): where an import can collide with another tenant. A
        /// key holding a reference to another tenant table is left out: the row it refers to
        /// is the snapshot's (checked here), and that row's own key is checked.
        let uniqueKeys: [[String]]
        /// Whether a foreign key leaves the tenant's world (a table that is neither a tenant
        /// table nor `tenants`): only such references need checking again in the real tables.
        let refersOutside: Bool
        /// The rowid of the snapshot's row inserted first, when rowids are IDs (an INTEGER
        /// PRIMARY KEY): its highest, so that rows others create meanwhile get higher IDs.
        let reservedRowid: Int64?
    }

    /// The scratch database's file.
    let path: String
    /// The ID sequences, as the snapshot's migrations left them.
    let sequences: [(name: String, next: Int64)]
    /// Tenant tables, parents before children (by their foreign keys).
    let tables: [Table]
    private var scratch: Database?

    /// Stages `document`'s rows in a new file at `path`, then those `more` inserts (the
    /// streamed rest of its rows, see SnapshotStaging+Reading.swift). One tenant (`whole`
    /// false) is staged as `scratchTenant`; a whole snapshot keeps its tenants' ids and
    /// tokens. The scratch database is built up to the snapshot's own migrations and the rows
    /// loaded there; the migrations it lacks then run over them, as over an old database file
    /// (see SnapshotDocument+Upgrade.swift). Each table's JSON is dropped once stored.
    init(
        _ document: consuming SnapshotDocument, migrations: [Migration], path: String, whole: Bool = false,
        more: (Connection, _ known: [String: [String]], _ tenantId: Int?) throws -> Void = { _, _, _ in }
    ) throws {
        let tenants: [(state: SnapshotDocument.TenantState, id: Int, token: String)]
        if whole {
            tenants = try document.tenants.map { source in
                guard let id = source.id, let token = source.token else {
                    throw DomainError.invalid("tenants", "tenants[] need an id and a token in a full snapshot")
                }
                return (source, id, token)
            }
            let tokens = tenants.map(\.token)
            guard Set(tokens).count == tokens.count, Set(tenants.map(\.id)).count == tenants.count else {
                throw DomainError.invalid("tenants", "tenants[] must have distinct ids and tokens")
            }
        } else {
            guard document.tenants.count == 1, let source = document.tenants.first else {
                throw DomainError.invalid(
                    "tenants", "tenants must hold exactly one tenant to import into a token; use ?all=true for a full snapshot")
            }
            tenants = [(source, Self.scratchTenant, "staged")]
        }
        let rowsTenant = whole ? nil : Self.scratchTenant
        let written = try document.writtenUnder(migrations)
        self.path = path
        Self.remove(path)
        let scratch = try Database(path: path)
        self.scratch = scratch
        do {
            // Rows go in table by table, in any order; references are checked once all are in.
            try scratch.read { try $0.execute("PRAGMA foreign_keys = OFF") }
            (sequences, tables) = try scratch.write { connection in
                try Migrator.migrate(connection, written)
                for tenant in tenants {
                    try SnapshotDocument.insertTenantRow(tenant.state, id: tenant.id, token: tenant.token, in: connection)
                }
                try SnapshotDocument.mergeSequences(document.sequences, in: connection)
                let known = try SnapshotDocument.knownTables(connection)
                for index in document.tables.indices {
                    let table = document.tables[index]
                    document.tables[index].rows = []
                    try SnapshotDocument.insert(table, tenantId: rowsTenant, known: known, cached: true, in: connection)
                }
                try more(connection, known, rowsTenant)
                try Migrator.migrate(connection, migrations)
                try SnapshotDocument.checkReferences(connection)
                return (try Self.sequences(connection), try Self.describe(connection))
            }
        } catch {
            scratch.close()
            Self.remove(path)
            throw error
        }
    }

    /// The staging a crash left behind at `path`, to finish its import from.
    init(reopening path: String, migrations: [Migration]) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DomainError.notFound("the staged snapshot \(path) is gone")
        }
        self.path = path
        let scratch = try Database(path: path)
        self.scratch = scratch
        do {
            try scratch.read { try $0.execute("PRAGMA foreign_keys = OFF") }
            (sequences, tables) = try scratch.write { connection in
                try Migrator.migrate(connection, migrations)
                return (try Self.sequences(connection), try Self.describe(connection))
            }
        } catch {
            scratch.close()
            throw error
        }
    }

    /// The staged tenant's settings and clock (a one-tenant staging).
    func stagedTenant() throws -> Tenant {
        guard let tenant = try scratch?.read({ try TenantTable.find(id: Self.scratchTenant, in: $0) }) else {
            throw DomainError.notFound("the staged snapshot has no tenant")
        }
        return tenant
    }

    /// Closes the scratch database, so that another connection may attach its file.
    func close() {
        scratch?.close()
        scratch = nil
    }

    /// Closes and deletes the scratch database.
    func discard() {
        close()
        Self.remove(path)
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private static func sequences(_ connection: Connection) throws -> [(name: String, next: Int64)] {
        try connection.query("SELECT name, next_value FROM sequences ORDER BY name")
            .map { (try $0.string("name"), try $0.int64("next_value")) }
    }

    /// Up to `limit` rows of `table` after `rowid`: the rowid first, then `table.columns`.
    func page(of table: Table, columns: [String]? = nil, after rowid: Int64, limit: Int) throws -> [Row] {
        let list = (columns ?? table.columns).map { "\"\($0)\"" }.joined(separator: ", ")
        guard let scratch else { throw DomainError.conflict("the staged snapshot is closed") }
        return try scratch.read { connection in
            try connection.query(
                "SELECT rowid AS staged_rowid, \(list) FROM \"\(table.name)\" WHERE rowid > ? ORDER BY rowid LIMIT ?",
                [rowid, limit])
        }
    }

    /// The tenant tables with their unique keys, parents before children.
    private static func describe(_ connection: Connection) throws -> [Table] {
        let tenantTables = try Snapshot.tenantTables(connection)
        let names = Set(tenantTables.map(\.name))
        var unordered: [String: Table] = [:]
        for (name, columns) in tenantTables {
            let foreignKeys = try connection.query("SELECT \"table\" AS parent, \"from\" FROM pragma_foreign_key_list(?)", name)
            let referenced = Set(try foreignKeys.map { try $0.string("parent") })
            let referring = Set(try foreignKeys.filter { names.contains(try $0.string("parent")) }.map { try $0.string("from") })
            unordered[name] = Table(
                name: name, columns: columns,
                uniqueKeys: try uniqueKeys(of: name, in: connection).filter { referring.isDisjoint(with: $0) },
                refersOutside: !referenced.subtracting(names).subtracting(["tenants"]).isEmpty,
                reservedRowid: try rowidAlias(of: name, in: connection) == nil
                    ? nil : connection.first("SELECT max(rowid) AS highest FROM \"\(name)\"")?.optionalInt("highest").map(Int64.init))
        }
        return try TableOrder.childrenFirst(connection).reversed().compactMap { unordered[$0] }
    }

    /// The INTEGER PRIMARY KEY column, which is the rowid itself.
    private static func rowidAlias(of table: String, in connection: Connection) throws -> String? {
        let primary = try connection.query("SELECT name, type FROM pragma_table_info(?) WHERE pk > 0", table)
        guard primary.count == 1, try primary[0].string("type").uppercased() == "INTEGER" else { return nil }
        return try primary[0].string("name")
    }

    private static func uniqueKeys(of table: String, in connection: Connection) throws -> [[String]] {
        var keys: [[String]] = try rowidAlias(of: table, in: connection).map { [[$0]] } ?? []
        let indexes = try connection.query(
            "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND partial = 0", table)
        for index in indexes {
            let columns = try connection.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index.string("name"))
            let names = try columns.compactMap { try $0.optionalString("name") }
            if names.count == columns.count, !names.contains("tenant_id") { keys.append(names) }
        }
        return keys
    }
}
