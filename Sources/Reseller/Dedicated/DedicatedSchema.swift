import SQLiteStore

/// Tables of the dedicated-server model (orders, BYOD builds, servers).
enum DedicatedSchema {
    static let migrations: [Migration] = []
}
