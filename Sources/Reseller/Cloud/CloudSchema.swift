import SQLiteStore

/// Tables of the cloud-server model (VMs, backups, ISOs, scheduled tasks, software).
enum CloudSchema {
    static let migrations: [Migration] = []
}
