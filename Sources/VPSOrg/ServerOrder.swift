/// A `POST /api/v1/servers/`: what to build and where.
public struct ServerOrder: Sendable {
    public let name: String
    public let plan: Plan
    public let operatingSystem: OperatingSystem
    public let location: String
    public let hostname: String?
    public let sshKeyId: Int?
    public let backupsEnabled: Bool
    /// The clients' `ssh_keys`, to install; a key named twice is installed once.
    public let sshKeys: [SSHKey]

    public init(
        name: String, plan: Plan, operatingSystem: OperatingSystem, location: String, hostname: String?, sshKeyId: Int?,
        backupsEnabled: Bool, sshKeys: [SSHKey] = []
    ) {
        var seen = Set<String>()
        self.sshKeys = sshKeys.filter { seen.insert($0.uuid).inserted }
        self.name = name
        self.plan = plan
        self.operatingSystem = operatingSystem
        self.location = location
        self.hostname = hostname
        self.sshKeyId = sshKeyId
        self.backupsEnabled = backupsEnabled
    }
}

/// A `PUT` (all three fields) or `PATCH` (any subset) of a server: nil leaves a field as it is.
public struct ServerChanges: Sendable {
    public let name: String?
    public let hostname: String?
    public let backupsEnabled: Bool?

    public init(name: String?, hostname: String?, backupsEnabled: Bool?) {
        self.name = name
        self.hostname = hostname
        self.backupsEnabled = backupsEnabled
    }
}
