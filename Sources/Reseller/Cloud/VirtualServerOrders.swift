/// `POST /datacenter/server`, its fields already checked: the VM to create.
public struct VirtualServerOrder: Sendable {
    public let template: String
    public let locationId: Int
    public let cpuCores: Int
    public let memoryMB: Int
    public let diskGB: Int
    public let ipCount: Int
    /// nil: the VM is named `vm<id>.sandbox.local`.
    public let hostname: String?
    public let sshKey: String?

    public init(
        template: String, locationId: Int, cpuCores: Int, memoryMB: Int, diskGB: Int, ipCount: Int, hostname: String?,
        sshKey: String?
    ) {
        self.template = template
        self.locationId = locationId
        self.cpuCores = cpuCores
        self.memoryMB = memoryMB
        self.diskGB = diskGB
        self.ipCount = ipCount
        self.hostname = hostname
        self.sshKey = sshKey
    }
}

/// `PUT .../reinstall`: what replaces the VM's template, hostname and key; nil keeps each.
public struct VirtualServerReinstall: Sendable {
    public let template: String?
    public let hostname: String?
    public let sshKey: String?

    public init(template: String?, hostname: String?, sshKey: String?) {
        self.template = template
        self.hostname = hostname
        self.sshKey = sshKey
    }
}

/// `PUT .../change`: the VM's new resources; nil keeps each.
public struct VirtualServerResize: Sendable {
    public let cpuCores: Int?
    public let memoryMB: Int?
    public let diskGB: Int?
    public let ipCount: Int?

    public init(cpuCores: Int?, memoryMB: Int?, diskGB: Int?, ipCount: Int?) {
        self.cpuCores = cpuCores
        self.memoryMB = memoryMB
        self.diskGB = diskGB
        self.ipCount = ipCount
    }
}
