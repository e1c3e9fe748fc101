import SQLiteStore

/// A package on a VM, as `GET .../software` lists it.
public struct InstalledSoftware: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case installing, installed, uninstalling
        /// The install job failed; `output` says why. A new install replaces the entry.
        case failed
    }

    public let id: Int
    public let status: Status
    public let package: String
    public let version: String
    /// What the last job reported; nil while the first one runs.
    public let output: String?
    /// The address the job logged in to.
    public let ip: String
    public let createdAt: Int64

    init(row: Row) throws {
        id = try row.int("id")
        status = try row.value("status", as: Status.self)
        package = try row.string("package")
        version = try row.string("version")
        output = try row.optionalString("output")
        ip = try row.string("ip")
        createdAt = try row.int64("created_at")
    }
}
