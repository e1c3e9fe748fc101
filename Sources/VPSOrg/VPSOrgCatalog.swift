import SandboxCore

/// A VPS.org plan: what a server gets and what it costs per month.
public struct Plan: Decodable, Sendable {
    public let id: Int
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
}

public struct OperatingSystem: Decodable, Sendable {
    public let id: Int
    public let name: String
}

public struct DatacenterLocation: Decodable, Sendable {
    public let code: String
    public let name: String
}

/// The VPS.org catalogues from `seed-data/`: plans, operating system images and locations.
public struct VPSOrgCatalog: Sendable {
    public let plans: [Plan]
    public let operatingSystems: [OperatingSystem]
    public let locations: [DatacenterLocation]

    public init(seeds: SeedDirectory) throws {
        struct Plans: Decodable { let plans: [Plan] }
        struct Systems: Decodable { let operatingSystems: [OperatingSystem] }
        struct Locations: Decodable { let locations: [DatacenterLocation] }
        plans = try seeds.load("vpsorg-plans.json", as: Plans.self).plans
        operatingSystems = try seeds.load("vpsorg-os.json", as: Systems.self).operatingSystems
        locations = try seeds.load("vpsorg-locations.json", as: Locations.self).locations
        if plans.isEmpty { throw SeedDataError(file: "vpsorg-plans.json", field: "plans", reason: "must list at least one plan") }
        if operatingSystems.isEmpty {
            throw SeedDataError(file: "vpsorg-os.json", field: "operatingSystems", reason: "must list at least one image")
        }
        if locations.isEmpty {
            throw SeedDataError(file: "vpsorg-locations.json", field: "locations", reason: "must list at least one location")
        }
    }

    public func plan(_ id: Int) -> Plan? { plans.first { $0.id == id } }
    public func operatingSystem(_ id: Int) -> OperatingSystem? { operatingSystems.first { $0.id == id } }
    public func location(_ code: String) -> DatacenterLocation? { locations.first { $0.code == code } }

    /// Each location gets its own address block, so a server's IPs hint at where it runs.
    func addressPrefixes(for code: String) -> (ipv4: String, ipv6: String) {
        let index = locations.firstIndex { $0.code == code } ?? 0
        return ("185.\(212 + index % 40)", "2a0c:b640:\(index + 1)")
    }
}
