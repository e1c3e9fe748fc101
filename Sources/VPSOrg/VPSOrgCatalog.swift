import SandboxCore

/// The VPS.org catalogues from `seed-data/`: plans, operating system images and locations.
/// The documented API names them by integer id (`plan_id`, `os_id`) and location code; VPS.org's
/// own clients by plan uuid, OS version uuid and location id. Both name the same entries.
public struct VPSOrgCatalog: Sendable {
    public let plans: [Plan]
    /// Every image the documented `os_id` names, in id order.
    public let operatingSystems: [OperatingSystem]
    /// The same images grouped as the clients list them: a family with its versions.
    public let operatingSystemFamilies: [OperatingSystemFamily]
    public let locations: [DatacenterLocation]

    public init(seeds: SeedDirectory) throws {
        struct Plans: Decodable { let plans: [Plan] }
        struct Systems: Decodable { let operatingSystems: [OperatingSystemFamily] }
        struct Locations: Decodable { let locations: [DatacenterLocation] }
        plans = try seeds.load("vpsorg-plans.json", as: Plans.self).plans
        operatingSystemFamilies = try seeds.load("vpsorg-os.json", as: Systems.self).operatingSystems
        operatingSystems = operatingSystemFamilies.flatMap(\.images).sorted { $0.id < $1.id }
        locations = try seeds.load("vpsorg-locations.json", as: Locations.self).locations
        if plans.isEmpty { throw SeedDataError(file: "vpsorg-plans.json", field: "plans", reason: "must list at least one plan") }
        if operatingSystems.isEmpty {
            throw SeedDataError(file: "vpsorg-os.json", field: "operatingSystems", reason: "must list at least one image")
        }
        if locations.isEmpty {
            throw SeedDataError(file: "vpsorg-locations.json", field: "locations", reason: "must list at least one location")
        }
        try Self.requireUnique(plans.map(\.uuid), file: "vpsorg-plans.json", field: "plans[].uuid")
        try Self.requireUnique(operatingSystems.map(\.id), file: "vpsorg-os.json", field: "operatingSystems[].versions[].id")
        try Self.requireUnique(
            operatingSystems.map(\.uuid) + operatingSystemFamilies.map(\.uuid), file: "vpsorg-os.json", field: "uuid")
        try Self.requireUnique(locations.map(\.id), file: "vpsorg-locations.json", field: "locations[].id")
    }

    public func plan(_ id: Int) -> Plan? { plans.first { $0.id == id } }
    public func plan(uuid: String) -> Plan? { plans.first { $0.uuid == uuid.lowercased() } }
    public func operatingSystem(_ id: Int) -> OperatingSystem? { operatingSystems.first { $0.id == id } }
    public func operatingSystem(versionUUID uuid: String) -> OperatingSystem? {
        operatingSystems.first { $0.uuid == uuid.lowercased() }
    }
    public func location(_ code: String) -> DatacenterLocation? { locations.first { $0.code == code } }
    public func location(id: Int) -> DatacenterLocation? { locations.first { $0.id == id } }

    /// Each location gets its own address block, so a server's IPs hint at where it runs.
    func addressPrefixes(for code: String) -> (ipv4: String, ipv6: String) {
        let index = locations.firstIndex { $0.code == code } ?? 0
        return ("185.\(212 + index % 40)", "2a0c:b640:\(index + 1)")
    }

    /// A catalogue that names two entries alike could not tell them apart in a request.
    private static func requireUnique<Key: Hashable>(_ keys: [Key], file: String, field: String) throws {
        guard Set(keys).count == keys.count else { throw SeedDataError(file: file, field: field, reason: "must be unique") }
    }
}
