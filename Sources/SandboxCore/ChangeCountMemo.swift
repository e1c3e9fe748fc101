import SQLiteStore

/// Values read from the database, remembered while the connection has changed no row since
/// (`Connection.totalChanges`, which no rollback lowers: any change, committed or rolled back,
/// empties the memo). Whoever remembers a value must have read it before its transaction
/// changed anything, or a rollback would leave it remembering what never was. Touched only
/// on the database queue, so it needs no lock. Past `capacity` keys it starts afresh rather
/// than growing with open-mode tenants.
final class ChangeCountMemo<Key: Hashable, Value>: @unchecked Sendable {
    let capacity = 4096
    private var values: [Key: Value] = [:]
    private var changesSeen: Int64 = -1

    func value(for key: Key, in connection: Connection) -> Value? {
        guard connection.totalChanges == changesSeen else { return nil }
        return values[key]
    }

    /// `value` was read for `key` when the connection's change count was `changes`.
    func remember(_ value: Value, for key: Key, at changes: Int64) {
        if changes != changesSeen || values.count >= capacity {
            values.removeAll(keepingCapacity: true)
            changesSeen = changes
        }
        values[key] = value
    }
}

/// Tenants as read at the start of recent transactions, by token: reading and decoding the
/// row was an eighth of a request's instructions, and most requests write nothing.
typealias TenantRowCache = ChangeCountMemo<String, Tenant>
