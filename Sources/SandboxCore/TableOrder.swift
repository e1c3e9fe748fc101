import SQLiteStore

/// The order in which tenant tables are written or erased so that references always point
/// to rows that exist: erasing goes children first, writing parents first.
enum TableOrder {
    /// The tables with a `tenant_id`, ordered so that a table comes before every table its
    /// foreign keys refer to.
    static func childrenFirst(_ connection: Connection) throws -> [String] {
        let tables = try Snapshot.tenantTables(connection).map(\.name)
        var parents: [String: Set<String>] = [:]
        for table in tables {
            let references = try connection.query("SELECT \"table\" AS parent FROM pragma_foreign_key_list(?)", [table])
            parents[table] = Set(try references.map { try $0.string("parent") }).subtracting([table]).intersection(tables)
        }
        // Repeatedly take the tables no remaining table refers to.
        var remaining = tables
        var ordered: [String] = []
        while !remaining.isEmpty {
            let referenced = Set(remaining.flatMap { parents[$0] ?? [] })
            let free = remaining.filter { !referenced.contains($0) }
            // A reference cycle: take the rest as they come; cascades resolve them.
            let taken = free.isEmpty ? remaining : free
            ordered += taken
            remaining.removeAll { taken.contains($0) }
        }
        return ordered
    }
}
