import Dispatch
import SQLiteStore

/// Deleting a tenant's world a slice at a time. One `DELETE FROM tenants` would cascade
/// through every row the tenant has in one statement (about 0.4 s for a year of daily
/// backups of 100 VMs), holding the database that long; instead each table's rows go in
/// small batches, several transactions apart, children before parents so that every
/// cascade stays small, and the tenant row last.
extension SandboxRuntime {
    static let erasureBatch = 50

    /// Deletes tenant `id` and all its rows; other work runs between the slices. `tables` is
    /// `TableOrder.childrenFirst`, read once by the caller. The first slice records the intent
    /// and the last (the tenant row's) removes it: a crash between is finished at the next
    /// start (see LongOperation), which calls this again.
    func eraseTenant(id: Int, tables: [String]) throws {
        var operation = LongOperation(kind: .eraseTenant, subject: id)
        var index = 0
        while index < tables.count {
            index = try database.write { connection -> Int in
                if index == 0, let token = try connection.first("SELECT token FROM tenants WHERE id = ?", id)?.string("token") {
                    operation.label = TenantLabel.of(token)
                    try operation.begin(in: connection)
                }
                let deadline = DispatchTime.now().uptimeNanoseconds + DueWorkBudget.sliceNanoseconds
                var table = index
                while table < tables.count {
                    let deleted = try connection.run(
                        """
                        DELETE FROM "\(tables[table])" WHERE rowid IN
                            (SELECT rowid FROM "\(tables[table])" WHERE tenant_id = ? LIMIT ?)
                        """, id, Self.erasureBatch)
                    if deleted < Self.erasureBatch { table += 1 }
                    if DispatchTime.now().uptimeNanoseconds >= deadline { break }
                }
                return table
            }
        }
        try database.write { connection in
            try connection.run("DELETE FROM tenants WHERE id = ?", id)
            try operation.end(in: connection)
        }
    }
}
