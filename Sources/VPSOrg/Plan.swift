/// A VPS.org plan: what a server gets and what it costs per month. A server keeps a copy of
/// its plan's figures, so `uuid` and `cpuType` are empty in a server's copy (its plan may have
/// left the catalogue since).
public struct Plan: Decodable, Sendable {
    public let id: Int
    /// The clients' name for the plan (`plan` on create and resize).
    public let uuid: String
    public let name: String
    public let vcpus: Int
    /// MB.
    public let memory: Int
    /// GB.
    public let storage: Int
    /// GB per month.
    public let bandwidth: Int
    /// EUR per month.
    public let price: Double
    /// The processor family, as the clients' plan list shows it.
    public let cpuType: String

    public init(
        id: Int, uuid: String = "", name: String, vcpus: Int, memory: Int, storage: Int, bandwidth: Int, price: Double,
        cpuType: String = ""
    ) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.vcpus = vcpus
        self.memory = memory
        self.storage = storage
        self.bandwidth = bandwidth
        self.price = price
        self.cpuType = cpuType
    }

    /// The memory as the clients show it: whole gigabytes, or megabytes when it is not.
    public var ram: (amount: Int, unit: String) {
        memory % 1024 == 0 ? (memory / 1024, "GB") : (memory, "MB")
    }

    /// EUR per hour: the monthly price over the 730 hours of an average month.
    public var hourlyPrice: Double { price / 730 }
}
